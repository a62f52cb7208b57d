import { randomUUID } from 'node:crypto';
import { createContext, type StoreContext } from '../store/context';
import { openDatabase } from '../store/database';
import { pepysTruth } from '../journals/testCorpora';
import { steppingClock } from '../store/testing/fixtures';
import type { ConversationStore } from '../store/types';

/** An entry to put in a test journal. */
export interface TestEntry {
  date: string | null;
  text: string;
  title?: string;
  excluded?: boolean;
}

/**
 * A fresh in-memory library holding one journal with the given entries, written with plain SQL
 * into the v6 tables (so retrieval is tested against the real schema and FTS index).
 */
export function journalLibrary(
  entries: TestEntry[],
  journalId = 'journal-1',
): { ctx: StoreContext; journalId: string; ids: string[] } {
  const clock = steppingClock();
  const { db } = openDatabase({ path: ':memory:', clock });
  const ctx = createContext(db, clock);
  const now = clock.now().toISOString();
  db.prepare(
    `INSERT INTO journals (id, name, owner_name, birth_year, source_key, format, created_at, updated_at)
     VALUES (?, 'Diary', 'Writer', NULL, 'test', 'plainText', ?, ?)`,
  ).run(journalId, now, now);
  const insert = db.prepare(
    `INSERT INTO entries (id, journal_id, date, title, text, source_file, source_key, excluded, created_at)
     VALUES (?, ?, ?, ?, ?, 'diary.txt', ?, ?, ?)`,
  );
  const ids: string[] = [];
  db.exec('BEGIN');
  entries.forEach((entry, index) => {
    const id = randomUUID();
    ids.push(id);
    insert.run(
      id,
      journalId,
      entry.date,
      entry.title ?? null,
      entry.text,
      `k${index}`,
      entry.excluded ? 1 : 0,
      now,
    );
  });
  db.exec('COMMIT');
  return { ctx, journalId, ids };
}

/** The opening words of Pepys's entry of 1 January 1660. */
export const NEW_YEAR = 'This morning (we living lately in the garret,) I rose';
/** An entry dated after 1660 that no 1660 conversation may ever send. */
export const LATER = 'A day of 1661 that must never be sent: New Year, new year, turkey, garret.';

/** Saves Pepys's January–March 1660 (or `entries`) and one 1661 entry as a journal in `store`. */
export function savePepys(store: ConversationStore, entries = pepysTruth()) {
  const drafts = [...entries, { date: '1661-01-01', text: LATER }].map((entry, i) => ({
    date: entry.date,
    text: entry.text,
    tags: [],
    sourceFile: 'pepys.md',
    sourceKey: `pepys:${i}`,
  }));
  return store.journals.save({
    name: 'Diary',
    ownerName: 'Samuel Pepys',
    birthYear: 1633,
    sourceKey: 'pepys',
    format: 'markdown',
    entries: drafts,
  }).journal;
}
