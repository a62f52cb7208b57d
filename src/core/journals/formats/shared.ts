/** Small helpers several formats share: time zones, JSON fields, `@tags`. */
import { isoDate } from '../dates/calendar';

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    try {
      formatters.set(
        timeZone,
        new Intl.DateTimeFormat('en-CA', {
          timeZone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          hour: '2-digit',
          minute: '2-digit',
          hourCycle: 'h23',
        }),
      );
    } catch {
      formatters.set(timeZone, null);
    }
  }
  return formatters.get(timeZone) ?? null;
}

/**
 * The local calendar day and time of an instant in a time zone (a Day One entry written at
 * 23:30 in Tokyo is that day's, even though it is the day before in UTC). An unknown zone
 * falls back to UTC.
 */
export function localDateTime(
  instant: Date,
  timeZone: string | null | undefined,
): { date: string; time: string } | null {
  if (Number.isNaN(instant.getTime())) return null;
  const formatter = formatterFor(timeZone || 'UTC') ?? formatterFor('UTC');
  if (!formatter) return null;
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(instant)) parts[part.type] = part.value;
  const date = isoDate(Number(parts.year), Number(parts.month), Number(parts.day));
  return date ? { date, time: `${parts.hour}:${parts.minute}` } : null;
}

/** A JSON object's property when it is a string. */
export function stringField(value: unknown, key: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const field = (value as Record<string, unknown>)[key];
  return typeof field === 'string' ? field : undefined;
}

/** A JSON object's property when it is an array of strings (other items dropped). */
export function stringList(value: unknown, key: string): string[] {
  if (typeof value !== 'object' || value === null) return [];
  const field = (value as Record<string, unknown>)[key];
  return Array.isArray(field) ? field.filter((item): item is string => typeof item === 'string') : [];
}

/** Whether a value is a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** jrnl-style `@tags` in a text, without the `@`, in order of first use. */
export function atTags(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(/(?:^|[\s(])@([\p{L}\p{N}_-]*[\p{L}\p{N}_])/gu))
    tags.add(match[1] as string);
  return [...tags];
}

/** Splits `# Title\n\nbody` into a title and the rest (Day One and jrnl keep the title as line one). */
export function splitMarkdownTitle(text: string): { title?: string; text: string } {
  const match = /^#{1,6}\s+(.+)\n*/.exec(text);
  if (!match) return { text };
  return { title: (match[1] as string).trim(), text: text.slice(match[0].length).trim() };
}
