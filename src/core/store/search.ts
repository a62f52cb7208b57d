import { AppError } from '../../shared/errors';
import type { SearchHit } from '../../shared/schemas';
import { read, type StoreContext } from './context';
import { buildSnippet, parseQuery, toMatchExpression } from './searchText';
import type { SearchOptions } from './types';

/**
 * Full-text search over titles and messages (FTS5), newest first, conversations in the Trash,
 * deleted messages and conversations an import has only staged left out. Results come in index order (rowid, i.e. insertion order, descending) so a query stops after
 * `limit` hits instead of ranking every match: that is what keeps one-letter queries fast as you type.
 */

interface DateBounds {
  where: string;
  params: string[];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// What the window sends (`Date.toISOString()`), or a date and time with a zone or none.
// The last instant `toISOString` writes with a four-digit year.
const MAX_TIME = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * A search bound as stored dates compare: a bare day stays `YYYY-MM-DD` (it sorts before that
 * day's times), a date and time becomes UTC ISO. Anything else, or a day that does not exist
 * (`2024-13-01`, `9999-99-99`), is `invalid_input`.
 */
function checkedBound(value: string, which: 'from' | 'to'): { iso: string; day: boolean } {
  if (realDay(value)) return { iso: value, day: true };
  if (DATE_TIME.test(value) && realDay(value.slice(0, 10))) {
    // Without a zone it is read as UTC, as stored dates are, not as this machine's local time.
    const time = Date.parse(/(Z|[+-]\d{2}:\d{2})$/.test(value) ? value : `${value}Z`);
    if (!Number.isNaN(time) && time >= 0 && time <= MAX_TIME) {
      return { iso: new Date(time).toISOString(), day: false };
    }
  }
  throw new AppError(
    'invalid_input',
    `The search's "${which}" date "${value.slice(0, 40)}" is not a real date; use YYYY-MM-DD, e.g. 2024-05-01.`,
  );
}

// Date.UTC rolls 2024-02-30 over into March (and Date.parse does too): a real day comes back as itself.
function realDay(value: string): boolean {
  const day = DAY.exec(value);
  if (!day) return false;
  const date = new Date(Date.UTC(Number(day[1]), Number(day[2]) - 1, Number(day[3])));
  return date.toISOString().slice(0, 10) === value;
}

// A bare date ("2024-05-01") as `to` means the whole of that day (UTC), not its first instant.
function dateBounds(column: string, endColumn: string, options: SearchOptions): DateBounds {
  const where: string[] = [];
  const params: string[] = [];
  if (options.from) {
    where.push(`${endColumn} >= ?`);
    params.push(checkedBound(options.from, 'from').iso);
  }
  if (options.to) {
    const to = checkedBound(options.to, 'to');
    if (to.day) {
      const next = new Date(`${to.iso}T00:00:00.000Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      // The day after 9999-12-31 has no four-digit year; every stored date is before it anyway.
      if (next.getTime() <= MAX_TIME) {
        where.push(`${column} < ?`);
        params.push(next.toISOString());
      }
    } else {
      where.push(`${column} <= ?`);
      params.push(to.iso);
    }
  }
  return { where: where.map((clause) => ` AND ${clause}`).join(''), params };
}

/** Searches titles and messages; see the module comment for the order. */
export function search(ctx: StoreContext, query: string, options: SearchOptions): SearchHit[] {
  const terms = parseQuery(query);
  const match = toMatchExpression(terms);
  const limit = Math.max(1, Math.floor(options.limit));
  // Checked before reading, so a bad date is the caller's mistake, not a storage error.
  const titleDates = dateBounds('c.created_at', 'c.updated_at', options);
  const messageDates = dateBounds('m.created_at', 'm.created_at', options);
  if (match === null) return [];
  return read(ctx, () => {
    // Title hits come first but take at most a quarter of the list, so messages are never crowded out.
    const titleLimit = options.titlesOnly ? limit : Math.max(1, Math.floor(limit / 4));
    // A conversation's span overlaps the range: it started before `to` and was active after `from`.
    const titleRows = ctx
      .sql(
        `SELECT c.id, c.title, c.created_at FROM title_fts CROSS JOIN conversations c ON c.seq = title_fts.rowid
         WHERE title_fts MATCH ? AND c.deleted_at IS NULL AND c.import_id IS NULL${titleDates.where}
         ORDER BY title_fts.rowid DESC LIMIT ?`,
      )
      .all(match, ...titleDates.params, titleLimit);
    const hits: SearchHit[] = titleRows.map((row) => ({
      conversationId: String(row.id),
      messageId: null,
      title: String(row.title),
      snippet: buildSnippet(String(row.title), terms),
      createdAt: String(row.created_at),
    }));
    if (options.titlesOnly) return hits;

    const messageRows = ctx
      .sql(
        `SELECT m.id, m.conversation_id, m.content, m.created_at, c.title
         FROM message_fts CROSS JOIN messages m ON m.seq = message_fts.rowid
         CROSS JOIN conversations c ON c.id = m.conversation_id
         WHERE message_fts MATCH ? AND m.deleted_at IS NULL AND c.deleted_at IS NULL AND c.import_id IS NULL${messageDates.where}
         ORDER BY message_fts.rowid DESC LIMIT ?`,
      )
      .all(match, ...messageDates.params, limit - hits.length);
    for (const row of messageRows) {
      hits.push({
        conversationId: String(row.conversation_id),
        messageId: String(row.id),
        title: String(row.title),
        snippet: buildSnippet(String(row.content), terms),
        createdAt: String(row.created_at),
      });
    }
    return hits;
  });
}
