import { randomUUID } from 'node:crypto';
import { createContext, type StoreContext } from '../store/context';
import { openDatabase } from '../store/database';
import { steppingClock } from '../store/testing/fixtures';

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
