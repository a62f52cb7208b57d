/**
 * Journey (journey.cloud) exports: one JSON file per entry (a folder, or the zip `../index.ts`
 * unpacks). `date_journal` is epoch milliseconds, shown in the entry's `timezone`; `text` is HTML
 * or Markdown by `type`; tags and the id are kept; photos are not imported.
 */
import { htmlToText } from './html';
import type { JournalFormat } from './format';
import { isRecord, localDateTime, stringField, stringList } from './shared';

/** The registry entry for Journey entries. */
export const journeyFormat: JournalFormat = {
  name: 'journey',
  detect(file) {
    if (file.extension !== 'json') return false;
    const value = file.json();
    return isRecord(value) && typeof value.date_journal === 'number' && 'text' in value;
  },
  parse(file, context) {
    const value = file.json() as Record<string, unknown>;
    const timeZone = stringField(value, 'timezone') ?? null;
    const local = localDateTime(new Date(value.date_journal as number), timeZone);
    const raw = stringField(value, 'text') ?? '';
    const text =
      stringField(value, 'type') === 'html' || /<\/?[a-z][\s\S]*>/i.test(raw) ? htmlToText(raw) : raw.trim();
    const photos = Array.isArray(value.photos) ? value.photos.length : 0;
    if (photos > 0) {
      context.warn({
        code: 'attachment_skipped',
        file: file.path,
        detail: `${photos} photos were not imported (only text is).`,
        reason: 'media',
        count: photos,
      });
    }
    return [
      {
        date: local?.date ?? null,
        time: local?.time ?? null,
        timeZone,
        text,
        tags: stringList(value, 'tags'),
        id: stringField(value, 'id'),
      },
    ];
  },
};
