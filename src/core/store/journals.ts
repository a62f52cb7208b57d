import { randomUUID } from 'node:crypto';
import type { EntryHit, Journal, JournalEntry, MonthCount } from '../../shared/journalSchemas';
import { AppError } from '../../shared/errors';
import type { JournalEntryDraft } from '../journals/types';
import { read, writeTransaction, type StoreContext } from './context';
import { searchEntries, type EntrySearchOptions } from './journalSearch';
import { ENTRY_COLUMNS, JOURNAL_SELECT, toEntry, toJournal } from './journalRows';

/** What `journals.save` takes: the parsed entries and what the user set in the preview. */
export interface SaveJournalInput {
  name: string;
  ownerName: string;
  birthYear: number | null;
  /** Identifies the source (the dropped files); a live journal with the same key gets only new entries. */
  sourceKey: string;
  format: string;
  entries: JournalEntryDraft[];
}

/** Which entries `journals.entries` returns: a date range (inclusive) or the undated ones. */
export interface EntryQuery {
  from?: string;
  to?: string;
  undated?: boolean;
  offset?: number;
  limit?: number;
}

/** Journals and their entries, over the same database and context as the conversations. */
export interface JournalStore {
  /** Saves in ONE transaction; entries whose source key the journal already has are skipped. */
  save(input: SaveJournalInput): { journal: Journal; added: number; skipped: number };
  /** Live journals, newest first. */
  list(): Journal[];
  /** A live journal, or null. */
  get(id: string): Journal | null;
  /** The live journal imported from this source, or null. */
  findBySource(sourceKey: string): Journal | null;
  /** How many of these source keys a live journal of this source already holds. */
  countKnown(sourceKey: string, entryKeys: string[]): number;
  update(id: string, patch: { name?: string; ownerName?: string; birthYear?: number | null }): Journal;
  /** Entries per calendar month, oldest first (undated ones are not in a month). */
  months(journalId: string): MonthCount[];
  /** Entries by date then import order, paged. */
  entries(journalId: string, query: EntryQuery): { entries: JournalEntry[]; total: number };
  /** Full-text search in a journal, best (bm25) first. */
  search(journalId: string, query: string, options?: EntrySearchOptions): EntryHit[];
  /** For a model: search with excluded entries always left out. */
  retrieve(
    journalId: string,
    query: string,
    options?: Omit<EntrySearchOptions, 'includeExcluded'>,
  ): JournalEntry[];
  /** Non-excluded entries in a date range (inclusive), by date. */
  entriesBetween(journalId: string, from: string, to: string, options?: { limit?: number }): JournalEntry[];
  getEntry(id: string): JournalEntry;
  /** Changes an entry's text or date (marked edited). */
  updateEntry(id: string, patch: { text?: string; date?: string | null }): JournalEntry;
  setExcluded(id: string, excluded: boolean): JournalEntry;
  /** Soft delete (kept for `restore`). */
  delete(id: string): void;
  restore(id: string): Journal;
}

const notFound = (what: string, id: string): AppError =>
  new AppError('not_found', `No ${what} with id ${id}.`);

/** The journal store over an open store context (one connection, one statement cache). */
export function createJournalStore(ctx: StoreContext): JournalStore {
  const load = (id: string): Journal => {
    const row = ctx.sql(`${JOURNAL_SELECT} WHERE j.id = ? AND j.deleted_at IS NULL`).get(id);
    if (!row) throw notFound('journal', id);
    return toJournal(row);
  };
  const loadEntry = (id: string): JournalEntry => {
    const row = ctx
      .sql(
        `SELECT ${ENTRY_COLUMNS} FROM entries e JOIN journals j ON j.id = e.journal_id
         WHERE e.id = ? AND j.deleted_at IS NULL`,
      )
      .get(id);
    if (!row) throw notFound('entry', id);
    return toEntry(row);
  };
  const findBySource = (sourceKey: string): Journal | null => {
    const row = ctx
      .sql(`${JOURNAL_SELECT} WHERE j.source_key = ? AND j.deleted_at IS NULL ORDER BY j.seq LIMIT 1`)
      .get(sourceKey);
    return row ? toJournal(row) : null;
  };
  const touch = (journalId: string): void => {
    ctx.sql('UPDATE journals SET updated_at = ? WHERE id = ?').run(ctx.now(), journalId);
  };

  return {
    save: (input) =>
      writeTransaction(ctx, () => {
        const now = ctx.now();
        let journalId = findBySource(input.sourceKey)?.id;
        if (journalId) {
          ctx
            .sql('UPDATE journals SET name = ?, owner_name = ?, birth_year = ?, updated_at = ? WHERE id = ?')
            .run(input.name, input.ownerName, input.birthYear, now, journalId);
        } else {
          journalId = randomUUID();
          ctx
            .sql(
              `INSERT INTO journals (id, name, owner_name, birth_year, source_key, format, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              journalId,
              input.name,
              input.ownerName,
              input.birthYear,
              input.sourceKey,
              input.format,
              now,
              now,
            );
        }
        // Only the (journal_id, source_key) conflict is skipped (a re-import); OR IGNORE would
        // also swallow a NOT NULL failure and save half a journal.
        const insert = ctx.sql(
          `INSERT INTO entries (id, journal_id, date, time, time_zone, title, text, tags_json,
             source_file, source_key, language, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
           ON CONFLICT (journal_id, source_key) DO NOTHING`,
        );
        let added = 0;
        for (const entry of input.entries) {
          const result = insert.run(
            randomUUID(),
            journalId,
            entry.date,
            entry.time ?? null,
            entry.timeZone ?? null,
            entry.title || null,
            entry.text,
            JSON.stringify(entry.tags),
            entry.sourceFile,
            entry.sourceKey,
            entry.language ?? null,
            now,
          );
          added += Number(result.changes);
        }
        return { journal: load(journalId), added, skipped: input.entries.length - added };
      }),
    list: () =>
      read(ctx, () =>
        ctx.sql(`${JOURNAL_SELECT} WHERE j.deleted_at IS NULL ORDER BY j.seq DESC`).all().map(toJournal),
      ),
    get: (id) =>
      read(ctx, () => {
        const row = ctx.sql(`${JOURNAL_SELECT} WHERE j.id = ? AND j.deleted_at IS NULL`).get(id);
        return row ? toJournal(row) : null;
      }),
    findBySource: (sourceKey) => read(ctx, () => findBySource(sourceKey)),
    countKnown: (sourceKey, entryKeys) =>
      read(ctx, () => {
        const journal = findBySource(sourceKey);
        if (!journal) return 0;
        const known = new Set(
          ctx
            .sql('SELECT source_key FROM entries WHERE journal_id = ?')
            .all(journal.id)
            .map((row) => String(row.source_key)),
        );
        return entryKeys.filter((key) => known.has(key)).length;
      }),
    update: (id, patch) =>
      writeTransaction(ctx, () => {
        const current = load(id);
        ctx
          .sql('UPDATE journals SET name = ?, owner_name = ?, birth_year = ?, updated_at = ? WHERE id = ?')
          .run(
            patch.name ?? current.name,
            patch.ownerName ?? current.ownerName,
            patch.birthYear === undefined ? current.birthYear : patch.birthYear,
            ctx.now(),
            id,
          );
        return load(id);
      }),
    months: (journalId) =>
      read(ctx, () => {
        load(journalId);
        return ctx
          .sql(
            `SELECT substr(date, 1, 7) AS month, count(*) AS count FROM entries
             WHERE journal_id = ? AND date IS NOT NULL GROUP BY month ORDER BY month`,
          )
          .all(journalId)
          .map((row) => ({ month: String(row.month), count: Number(row.count) }));
      }),
    entries: (journalId, query) =>
      read(ctx, () => {
        load(journalId);
        const where = query.undated
          ? 'e.journal_id = ? AND e.date IS NULL'
          : 'e.journal_id = ? AND e.date IS NOT NULL AND e.date >= ? AND e.date <= ?';
        const params = query.undated
          ? [journalId]
          : [journalId, query.from ?? '0000-00-00', query.to ?? '9999-99-99'];
        const total = Number(
          ctx.sql(`SELECT count(*) AS n FROM entries e WHERE ${where}`).get(...params)?.n ?? 0,
        );
        const rows = ctx
          .sql(
            `SELECT ${ENTRY_COLUMNS} FROM entries e WHERE ${where} ORDER BY e.date, e.time, e.seq LIMIT ? OFFSET ?`,
          )
          .all(...params, Math.max(1, query.limit ?? 200), Math.max(0, query.offset ?? 0));
        return { entries: rows.map(toEntry), total };
      }),
    search: (journalId, query, options = {}) =>
      read(ctx, () => searchEntries(ctx, journalId, query, options)),
    retrieve: (journalId, query, options = {}) =>
      read(ctx, () =>
        searchEntries(ctx, journalId, query, { ...options, includeExcluded: false }).map((hit) => hit.entry),
      ),
    entriesBetween: (journalId, from, to, options = {}) =>
      read(ctx, () =>
        ctx
          .sql(
            `SELECT ${ENTRY_COLUMNS} FROM entries e JOIN journals j ON j.id = e.journal_id
             WHERE e.journal_id = ? AND j.deleted_at IS NULL AND e.excluded = 0 AND e.date >= ? AND e.date <= ?
             ORDER BY e.date, e.time, e.seq LIMIT ?`,
          )
          .all(journalId, from, to, Math.max(1, options.limit ?? 10_000))
          .map(toEntry),
      ),
    getEntry: (id) => read(ctx, () => loadEntry(id)),
    updateEntry: (id, patch) =>
      writeTransaction(ctx, () => {
        const current = loadEntry(id);
        ctx
          .sql('UPDATE entries SET text = ?, date = ?, edited = 1 WHERE id = ?')
          .run(patch.text ?? current.text, patch.date === undefined ? current.date : patch.date, id);
        touch(current.journalId);
        return loadEntry(id);
      }),
    setExcluded: (id, excluded) =>
      writeTransaction(ctx, () => {
        const current = loadEntry(id);
        ctx.sql('UPDATE entries SET excluded = ? WHERE id = ?').run(excluded ? 1 : 0, id);
        touch(current.journalId);
        return loadEntry(id);
      }),
    delete: (id) =>
      writeTransaction(ctx, () => {
        load(id);
        ctx.sql('UPDATE journals SET deleted_at = ? WHERE id = ?').run(ctx.now(), id);
      }),
    restore: (id) =>
      writeTransaction(ctx, () => {
        const result = ctx
          .sql('UPDATE journals SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL')
          .run(id);
        if (Number(result.changes) === 0) throw notFound('deleted journal', id);
        return load(id);
      }),
  };
}
