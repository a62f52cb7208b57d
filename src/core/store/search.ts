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

// A bare date ("2024-05-01") as `to` means the whole of that day (UTC), not its first instant.
function dateBounds(column: string, endColumn: string, options: SearchOptions): DateBounds {
  const where: string[] = [];
  const params: string[] = [];
  if (options.from) {
    where.push(`${endColumn} >= ?`);
    params.push(options.from);
  }
  if (options.to) {
    if (/^\d{4}-\d{2}-\d{2}$/.test(options.to)) {
      const next = new Date(`${options.to}T00:00:00.000Z`);
      next.setUTCDate(next.getUTCDate() + 1);
      where.push(`${column} < ?`);
      params.push(next.toISOString());
    } else {
      where.push(`${column} <= ?`);
      params.push(options.to);
    }
  }
  return { where: where.map((clause) => ` AND ${clause}`).join(''), params };
}

/** Searches titles and messages; see the module comment for the order. */
export function search(ctx: StoreContext, query: string, options: SearchOptions): SearchHit[] {
  const terms = parseQuery(query);
  const match = toMatchExpression(terms);
  const limit = Math.max(1, Math.floor(options.limit));
  if (match === null) return [];
  return read(ctx, () => {
    // Title hits come first but take at most a quarter of the list, so messages are never crowded out.
    const titleLimit = options.titlesOnly ? limit : Math.max(1, Math.floor(limit / 4));
    // A conversation's span overlaps the range: it started before `to` and was active after `from`.
    const titleDates = dateBounds('c.created_at', 'c.updated_at', options);
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

    const messageDates = dateBounds('m.created_at', 'm.created_at', options);
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
