/**
 * Evernote `.enex` exports: fast-xml-parser reads the notes (title, created, tags), and each
 * note's ENML content (XHTML inside CDATA) becomes plain text through `./html.ts`, never HTML.
 * `created` (`20090101T101010Z`) is UTC; Evernote keeps no time zone, so the day is UTC's.
 * Attachments (`<resource>`) are not imported; a note without `created` is kept undated.
 */
import { XMLParser } from 'fast-xml-parser';
import { AppError } from '../../../shared/errors';
import { htmlToText } from './html';
import type { FoundEntry, JournalFormat } from './format';
import { isRecord, localDateTime } from './shared';

const parser = new XMLParser({
  ignoreAttributes: true,
  // Every value stays a string (a title "2024" must not become a number).
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'note' || name === 'tag' || name === 'resource',
  processEntities: true,
});

/** The registry entry for Evernote exports. */
export const enexFormat: JournalFormat = {
  name: 'enex',
  detect: (file) =>
    file.extension === 'enex' ||
    (file.extension === 'xml' &&
      /^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>\s*)?<en-export/.test(file.text().slice(0, 512))),
  parse(file, context) {
    let document: unknown;
    try {
      document = parser.parse(file.text());
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      throw new AppError('import_failed', `“${file.path}” is not a readable Evernote export${detail}.`);
    }
    const root = isRecord(document) ? document['en-export'] : undefined;
    if (root === undefined)
      throw new AppError('import_failed', `“${file.path}” is not an Evernote export (no <en-export>).`);
    const notes = isRecord(root) && Array.isArray(root.note) ? (root.note as unknown[]) : [];
    let resources = 0;
    const entries: FoundEntry[] = [];
    for (const note of notes) {
      if (!isRecord(note)) continue;
      resources += Array.isArray(note.resource) ? note.resource.length : 0;
      const created = text(note.created);
      const local = created ? localDateTime(evernoteInstant(created), 'UTC') : null;
      const title = text(note.title);
      entries.push({
        date: local?.date ?? null,
        time: local?.time ?? null,
        timeZone: local ? 'UTC' : null,
        title: title || undefined,
        text: htmlToText(stripXmlProlog(text(note.content))),
        tags: Array.isArray(note.tag) ? note.tag.map(text).filter(Boolean) : [],
      });
    }
    if (resources > 0) {
      context.warn({
        code: 'attachment_skipped',
        file: file.path,
        detail: `${resources} attachments (images, PDFs) in the notes were not imported (only text is).`,
        reason: 'media',
        count: resources,
      });
    }
    return entries;
  },
};

function text(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (isRecord(value) && typeof value['#text'] === 'string') return value['#text'].trim();
  return '';
}

/** `20090101T101010Z` → a Date. */
function evernoteInstant(value: string): Date {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/.exec(value);
  if (!match) return new Date(value);
  const [, year, month, day, hour, minute, second] = match.map(Number) as number[];
  return new Date(Date.UTC(year as number, (month as number) - 1, day, hour, minute, second));
}

function stripXmlProlog(enml: string): string {
  return enml.replace(/<\?xml[^>]*\?>/g, '').replace(/<!DOCTYPE[^>]*>/gi, '');
}
