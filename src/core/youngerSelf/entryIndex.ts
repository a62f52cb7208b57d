import type { StoreContext } from '../store/context';
import type { DayRange } from './dateHints';
import type { PeriodEntry, PeriodEntryIndex } from './retrieval';

/**
 * Retrieval's view of the journal store (migration v6: `entries`, and `entry_fts`, a contentless
 * FTS5 table whose rowid is `entries.seq`). Every query carries the period and `excluded = 0` in
 * SQL; retrieval checks both again before anything goes into a request.
 */

interface EntryRow {
  id: string;
  date: string | null;
  title: string | null;
  text: string;
  excluded: number;
}

function toEntry(row: EntryRow): PeriodEntry {
  return { id: row.id, date: row.date, title: row.title, text: row.text, excluded: row.excluded !== 0 };
}

const COLUMNS = 'e.id, e.date, e.title, e.text, e.excluded';

/** The index over the open library. */
export function createPeriodEntryIndex(ctx: StoreContext): PeriodEntryIndex {
  return {
    search({ journalId, period, match, limit }) {
      const rows = ctx
        .sql(
          // CROSS JOIN keeps the FTS table the outer loop: left to itself, the planner walks the
          // period's entries by date and runs the MATCH once per entry (seconds, not milliseconds).
          `SELECT ${COLUMNS}, bm25(entry_fts) AS rank FROM entry_fts
             CROSS JOIN entries e ON e.seq = entry_fts.rowid
            WHERE entry_fts MATCH ? AND e.journal_id = ? AND e.date BETWEEN ? AND ? AND e.excluded = 0
            ORDER BY rank LIMIT ?`,
        )
        .all(match, journalId, period.from, period.to, limit) as unknown as (EntryRow & { rank: number })[];
      return rows.map((row) => ({ entry: toEntry(row), rank: row.rank }));
    },
    inRanges({ journalId, period, ranges, limit }) {
      const clipped = ranges
        .map((range): DayRange => ({
          from: range.from < period.from ? period.from : range.from,
          to: range.to > period.to ? period.to : range.to,
        }))
        .filter((range) => range.from <= range.to)
        .slice(0, 200);
      // One indexed lookup per range (journal_id, date): an OR of many ranges makes SQLite scan.
      const statement = ctx.sql(
        `SELECT ${COLUMNS} FROM entries e
          WHERE e.journal_id = ? AND e.date BETWEEN ? AND ? AND e.excluded = 0
          ORDER BY e.date, e.seq LIMIT ?`,
      );
      const found = new Map<string, PeriodEntry>();
      for (const range of clipped) {
        if (found.size >= limit) break;
        const rows = statement.all(
          journalId,
          range.from,
          range.to,
          limit - found.size,
        ) as unknown as EntryRow[];
        for (const row of rows) found.set(row.id, toEntry(row));
      }
      return [...found.values()].sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    },
    byIds(journalId, ids) {
      if (ids.length === 0) return [];
      const rows = ctx.db
        .prepare(
          `SELECT ${COLUMNS} FROM entries e WHERE e.journal_id = ? AND e.id IN (${ids.map(() => '?').join(',')})`,
        )
        .all(journalId, ...ids) as unknown as EntryRow[];
      return rows.map(toEntry);
    },
  };
}

/** Every sendable entry of the period, oldest first (for the whole-period path and the summary). */
export function entriesOfPeriod(ctx: StoreContext, journalId: string, period: DayRange): PeriodEntry[] {
  const rows = ctx
    .sql(
      `SELECT ${COLUMNS} FROM entries e
        WHERE e.journal_id = ? AND e.date BETWEEN ? AND ? AND e.excluded = 0
        ORDER BY e.date, e.seq`,
    )
    .all(journalId, period.from, period.to) as unknown as EntryRow[];
  return rows.map(toEntry);
}

/** The ids of every sendable entry of the period, oldest first (for ranking by meaning). */
export function idsOfPeriod(ctx: StoreContext, journalId: string, period: DayRange): string[] {
  const statement = ctx.sql(
    `SELECT e.id FROM entries e
      WHERE e.journal_id = ? AND e.date BETWEEN ? AND ? AND e.excluded = 0
      ORDER BY e.date, e.seq`,
  );
  // Rows as arrays, not objects: a 10,000-entry period is read at every turn with embeddings on.
  // This statement (cached by its text) is only ever used here.
  statement.setReturnArrays(true);
  const rows = statement.all(journalId, period.from, period.to) as unknown as [string][];
  return rows.map((row) => row[0]);
}

/** About `count` sendable entries spread evenly over the period, oldest first (for the prompt). */
export function sampleOfPeriod(
  ctx: StoreContext,
  journalId: string,
  period: DayRange,
  count: number,
): PeriodEntry[] {
  const rows = ctx
    .sql(
      `SELECT id, date, title, text, excluded FROM (
         SELECT ${COLUMNS}, row_number() OVER (ORDER BY e.date, e.seq) - 1 AS n, count(*) OVER () AS total
           FROM entries e
          WHERE e.journal_id = ? AND e.date BETWEEN ? AND ? AND e.excluded = 0)
        WHERE n % max(1, total / ?) = 0 ORDER BY n`,
    )
    .all(journalId, period.from, period.to, Math.max(1, count)) as unknown as EntryRow[];
  return rows.map(toEntry);
}
