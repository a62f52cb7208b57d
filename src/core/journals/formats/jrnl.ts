/**
 * jrnl journals: its JSON export (`jrnl --format json`: `{tags, entries: [{date, time, title,
 * body, tags}]}`) and its plain-text file, where each entry starts with `[2020-08-29 11:11]`
 * (or jrnl 1.x's unbracketed `10.06.2013 15:40`) and the rest of that line is the title.
 * `@tags` are read from the text. A bracket jrnl wrote but whose date cannot be read keeps its
 * entry, undated.
 */
import { parseDate } from '../dates/index';
import { matchNumericDate } from '../dates/english';
import type { DateOrder } from '../types';
import type { FoundEntry, JournalFormat } from './format';
import { atTags, isRecord, stringField, stringList } from './shared';

const BRACKETED = /^\[([^\]\n]{1,40})\] ?(.*)$/;
const BARE = /^(\d{1,4}[-./]\d{1,2}[-./]\d{1,4} \d{1,2}:\d{2}) (.*)$/;

/** The registry entry for jrnl's JSON export. */
export const jrnlJsonFormat: JournalFormat = {
  name: 'jrnl',
  detect(file) {
    if (file.extension !== 'json') return false;
    const value = file.json();
    if (!isRecord(value) || !Array.isArray(value.entries)) return false;
    const first: unknown = value.entries[0];
    return isRecord(first) && 'body' in first && 'date' in first;
  },
  parse(file, context) {
    const value = file.json() as { entries: unknown[] };
    return value.entries.filter(isRecord).map((entry) => {
      const date = stringField(entry, 'date');
      const time = stringField(entry, 'time');
      return {
        date: date ? parseDate(date, { dateOrder: context.options.dateOrder }) : null,
        time: time && /^\d{1,2}:\d{2}$/.test(time) ? time.padStart(5, '0') : null,
        title: stringField(entry, 'title'),
        text: (stringField(entry, 'body') ?? '').trim(),
        tags: stringList(entry, 'tags').map((tag) => tag.replace(/^@/, '')),
      };
    });
  },
};

/** The registry entry for jrnl's plain-text journal. */
export const jrnlTextFormat: JournalFormat = {
  name: 'jrnlText',
  detect(file) {
    if (!['journal', 'txt', 'jrnl', ''].includes(file.extension)) return false;
    const firstLine =
      file
        .text()
        .replace(/^\uFEFF/, '')
        .split(/\r?\n/)
        .find((line) => line.trim() !== '') ?? '';
    const bracket = BRACKETED.exec(firstLine);
    if (bracket) return file.extension === 'journal' || readJrnlDate(bracket[1] as string, 'auto') !== null;
    return BARE.test(firstLine);
  },
  parse(file, context) {
    const entries: FoundEntry[] = [];
    let current: { head: string; title: string; lines: string[] } | null = null;
    const flush = (): void => {
      if (!current) return;
      const parsed = readJrnlDate(current.head, context.options.dateOrder);
      const text = current.lines.join('\n').trim();
      entries.push({
        date: parsed?.date ?? null,
        time: parsed?.time ?? null,
        // jrnl marks a starred entry with a trailing ` *` on its title line.
        title: current.title.replace(/\s+\*\s*$/, '').trim(),
        text,
        tags: atTags(`${current.title}\n${text}`),
      });
    };
    for (const line of file
      .text()
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)) {
      const head = BRACKETED.exec(line) ?? BARE.exec(line);
      if (head) {
        flush();
        current = { head: head[1] as string, title: head[2] as string, lines: [] };
      } else if (current) {
        current.lines.push(line);
      }
    }
    flush();
    return entries;
  },
};

function readJrnlDate(head: string, order: DateOrder): { date: string | null; time: string | null } | null {
  const numeric = matchNumericDate(head.trim(), order);
  if (numeric && numeric.year !== undefined) {
    const date = parseDate(head.trim().slice(0, numeric.length), { dateOrder: order });
    return { date, time: numeric.time ?? null };
  }
  const date = parseDate(head, { dateOrder: order });
  return date ? { date, time: null } : null;
}
