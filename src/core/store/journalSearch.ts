import type { EntryHit } from '../../shared/journalSchemas';
import type { StoreContext } from './context';
import { ENTRY_COLUMNS, toEntry } from './journalRows';
import { buildSnippet, parseQuery, toMatchExpression } from './searchText';

/** How `searchEntries` narrows and cuts its results. */
export interface EntrySearchOptions {
  /** First day (inclusive, `YYYY-MM-DD`). */
  from?: string;
  /** Last day (inclusive). */
  to?: string;
  /** Entries the user excluded from models; shown in the UI's search (default true), never to a model. */
  includeExcluded?: boolean;
  limit?: number;
}

/**
 * Full-text search over one journal's entries, best first by bm25. The FTS text is
 * `penpal_search_text(title + text)`, so one- and two-character Chinese words (猫, 学校) match as
 * phrases of single-character tokens, the way message search does.
 */
export function searchEntries(
  ctx: StoreContext,
  journalId: string,
  query: string,
  options: EntrySearchOptions,
): EntryHit[] {
  const terms = parseQuery(query);
  const match = toMatchExpression(terms);
  if (match === null) return [];
  const where: string[] = [];
  const params: string[] = [];
  if (options.from) {
    where.push(' AND e.date >= ?');
    params.push(options.from);
  }
  if (options.to) {
    where.push(' AND e.date <= ?');
    params.push(options.to);
  }
  if (options.includeExcluded === false) where.push(' AND e.excluded = 0');
  const rows = ctx
    .sql(
      `SELECT ${ENTRY_COLUMNS} FROM entry_fts CROSS JOIN entries e ON e.seq = entry_fts.rowid
       JOIN journals j ON j.id = e.journal_id
       WHERE entry_fts MATCH ? AND e.journal_id = ? AND j.deleted_at IS NULL${where.join('')}
       ORDER BY bm25(entry_fts), e.date LIMIT ?`,
    )
    .all(match, journalId, ...params, Math.max(1, Math.floor(options.limit ?? 50)));
  return rows.map((row) => {
    const entry = toEntry(row);
    return { entry, snippet: buildSnippet(entry.text, terms) };
  });
}
