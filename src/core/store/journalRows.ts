import type { SQLOutputValue } from 'node:sqlite';
import type { Journal, JournalEntry } from '../../shared/journalSchemas';

/** A row as `node:sqlite` returns it. */
export type JournalRow = Record<string, SQLOutputValue>;

/** The entry columns every read selects, in `toEntry`'s order. */
export const ENTRY_COLUMNS =
  'e.id, e.journal_id, e.date, e.time, e.time_zone, e.title, e.text, e.tags_json, e.source_file, e.language, e.excluded, e.edited';

/** The journal columns plus its counts and range (over live entries), for `toJournal`. */
export const JOURNAL_SELECT = `SELECT j.id, j.name, j.owner_name, j.birth_year, j.format, j.created_at, j.updated_at,
  (SELECT count(*) FROM entries e WHERE e.journal_id = j.id) AS entry_count,
  (SELECT count(*) FROM entries e WHERE e.journal_id = j.id AND e.date IS NULL) AS undated_count,
  (SELECT min(date) FROM entries e WHERE e.journal_id = j.id) AS first_date,
  (SELECT max(date) FROM entries e WHERE e.journal_id = j.id) AS last_date
  FROM journals j`;

const text = (value: SQLOutputValue): string | null => (value === null ? null : String(value));

/** A journals row (with counts) as the contract's `Journal`. */
export function toJournal(row: JournalRow): Journal {
  return {
    id: String(row.id),
    name: String(row.name),
    ownerName: String(row.owner_name),
    birthYear: row.birth_year === null ? null : Number(row.birth_year),
    format: String(row.format),
    entryCount: Number(row.entry_count),
    undatedCount: Number(row.undated_count),
    firstDate: text(row.first_date),
    lastDate: text(row.last_date),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}

/** An entries row as the contract's `JournalEntry`. */
export function toEntry(row: JournalRow): JournalEntry {
  let tags: string[] = [];
  try {
    const parsed: unknown = JSON.parse(String(row.tags_json));
    if (Array.isArray(parsed)) tags = parsed.map(String);
  } catch {
    // A damaged tag list shows as none rather than hiding the entry.
  }
  return {
    id: String(row.id),
    journalId: String(row.journal_id),
    date: text(row.date),
    time: text(row.time),
    timeZone: text(row.time_zone),
    title: text(row.title),
    text: String(row.text),
    tags,
    sourceFile: String(row.source_file),
    language: text(row.language),
    excluded: Number(row.excluded) === 1,
    edited: Number(row.edited) === 1,
  };
}
