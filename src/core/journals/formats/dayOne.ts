/**
 * Day One JSON exports (`Journal.json`, alone or inside the export zip, which `../index.ts`
 * unpacks): each entry's `creationDate` is an instant, shown as the day and time in the entry's
 * own `timeZone`; tags and the uuid are kept. Day One writes Markdown with `\.`-style escapes and
 * `dayone-moment://` links to photos, which are unescaped and dropped (photos are not imported).
 */
import type { FoundEntry, JournalFormat } from './format';
import { isRecord, localDateTime, splitMarkdownTitle, stringField, stringList } from './shared';

/** The registry entry for Day One JSON. */
export const dayOneFormat: JournalFormat = {
  name: 'dayOne',
  detect(file) {
    if (file.extension !== 'json') return false;
    const value = file.json();
    if (!isRecord(value) || !Array.isArray(value.entries)) return false;
    const first: unknown = value.entries[0];
    return value.entries.length === 0 ? isRecord(value.metadata) : isRecord(first) && 'creationDate' in first;
  },
  parse(file, context) {
    const value = file.json() as { entries: unknown[] };
    const entries: FoundEntry[] = [];
    let media = 0;
    for (const raw of value.entries) {
      if (!isRecord(raw)) continue;
      const timeZone = stringField(raw, 'timeZone') ?? null;
      const created = stringField(raw, 'creationDate');
      const local = created ? localDateTime(new Date(created), timeZone) : null;
      const { text, removed } = cleanDayOneText(stringField(raw, 'text') ?? '');
      media += removed;
      const split = splitMarkdownTitle(text);
      entries.push({
        date: local?.date ?? null,
        time: local?.time ?? null,
        timeZone,
        title: split.title,
        text: split.text,
        tags: stringList(raw, 'tags'),
        id: stringField(raw, 'uuid'),
      });
    }
    if (media > 0) {
      context.warn({
        code: 'attachment_skipped',
        file: file.path,
        detail: `${media} photos or other attachments in entries were not imported (only text is).`,
        reason: 'media',
        count: media,
      });
    }
    return entries;
  },
};

/** Day One's Markdown: drops `![](dayone-moment://…)` media links and undoes its backslash escapes. */
export function cleanDayOneText(text: string): { text: string; removed: number } {
  let removed = 0;
  const withoutMedia = text.replace(/!\[[^\]]*\]\(dayone-moment:\/[^)]*\)/g, () => {
    removed++;
    return '';
  });
  const unescaped = withoutMedia.replace(/\\([\\`*_{}[\]()#+\-.!/|>~])/g, '$1');
  return { text: unescaped.replace(/\n{3,}/g, '\n\n').trim(), removed };
}
