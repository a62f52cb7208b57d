/**
 * Diaries published as JSON with one item per entry (the 鲁迅日记 and 徐霞客游记 data sets:
 * `{items: [{content, iso_date, date_raw, tags}]}`, or a bare array of such items). The item's
 * ISO date is used when it is a real day; otherwise its raw date is read by the date engine.
 */
import { isoDate } from '../dates/calendar';
import { parseDate } from '../dates/index';
import type { FoundEntry, JournalFormat } from './format';
import { isRecord, stringField, stringList } from './shared';

const TEXT_KEYS = ['content', 'text', 'body', 'entry'];
const DATE_KEYS = ['iso_date', 'date', 'day'];

function items(value: unknown): unknown[] | null {
  if (Array.isArray(value)) return value;
  if (isRecord(value) && Array.isArray(value.items)) return value.items;
  return null;
}

/** The registry entry for item-per-entry diary JSON. */
export const diaryJsonFormat: JournalFormat = {
  name: 'diaryJson',
  detect(file) {
    if (file.extension !== 'json') return false;
    const list = items(file.json());
    const first = list?.[0];
    return (
      isRecord(first) &&
      TEXT_KEYS.some((key) => typeof first[key] === 'string') &&
      (DATE_KEYS.some((key) => key in first) || 'date_raw' in first)
    );
  },
  parse(file, context) {
    const list = items(file.json()) ?? [];
    const entries: FoundEntry[] = [];
    for (const item of list) {
      if (!isRecord(item)) continue;
      const text = TEXT_KEYS.map((key) => stringField(item, key)).find((value) => value !== undefined) ?? '';
      const written = DATE_KEYS.map((key) => stringField(item, key)).find((value) => value !== undefined);
      const raw = stringField(item, 'date_raw');
      entries.push({
        date:
          validIso(written) ??
          (raw ? parseDate(raw, { dateOrder: context.options.dateOrder }) : null) ??
          (written ? parseDate(written, { dateOrder: context.options.dateOrder }) : null),
        title: stringField(item, 'title'),
        text: text.trim(),
        tags: stringList(item, 'tags'),
      });
    }
    return entries;
  },
};

function validIso(value: string | undefined): string | null {
  const match = value ? /^(\d{4})-(\d{2})-(\d{2})/.exec(value) : null;
  return match ? isoDate(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}
