import type { ConversationPage } from '../../shared/schemas';
import { read, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { fallbackLeaf, loadTree } from './branches';
import type { PageQuery } from './types';
import { MESSAGE_COLUMNS, toConversation, toMessage, toMessageRecord, type MessageRecord } from './rows';

/**
 * Pages of the shown branch: a 5,000-message conversation is opened at its tail, and older (or,
 * after a search jump, newer) pages are fetched as the user scrolls. Only the branch's ids are
 * walked in full (one recursive query from the leaf); rows are read for the page alone.
 */

/** Messages in a page when the caller does not say. */
export const DEFAULT_PAGE_SIZE = 60;

/** Ids of the branch root → `leafId`, following parent links of visible messages. */
function branchIds(ctx: StoreContext, conversationId: string, leafId: string, bound: number): string[] {
  // The depth bound guards against a parent cycle a damaged file could contain.
  const rows = ctx
    .sql(
      `WITH RECURSIVE path(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM messages WHERE id = ? AND conversation_id = ? AND deleted_at IS NULL
         UNION ALL
         SELECT m.id, m.parent_id, path.depth + 1 FROM path JOIN messages m ON m.id = path.parent_id
          WHERE m.conversation_id = ? AND m.deleted_at IS NULL AND path.depth < ?
       )
       SELECT id FROM path ORDER BY depth DESC`,
    )
    .all(leafId, conversationId, conversationId, bound);
  return rows.map((row) => String(row.id));
}

/** [start, end) of the page the query asks for; an anchor that is not on the branch gives the tail. */
export function pageRange(ids: readonly string[], query: PageQuery): [number, number] {
  const limit = Math.max(1, query.limit ?? DEFAULT_PAGE_SIZE);
  const total = ids.length;
  const tail: [number, number] = [Math.max(0, total - limit), total];
  const indexOf = (id: string | undefined): number => (id === undefined ? -1 : ids.indexOf(id));
  if (query.around !== undefined) {
    const at = indexOf(query.around);
    if (at < 0 || at >= tail[0]) return tail;
    const start = Math.max(0, at - Math.floor(limit / 2));
    return [start, Math.min(total, start + limit)];
  }
  if (query.before !== undefined) {
    const at = indexOf(query.before);
    return at < 0 ? tail : [Math.max(0, at - limit), at];
  }
  if (query.after !== undefined) {
    const at = indexOf(query.after);
    return at < 0 ? tail : [at + 1, Math.min(total, at + 1 + limit)];
  }
  return tail;
}

/** Version ids (same parent, same role, oldest first) of each message in `records`. */
function versionsOf(
  ctx: StoreContext,
  conversationId: string,
  records: MessageRecord[],
  rootId: string | undefined,
): Map<string, string[]> {
  const versions = new Map<string, string[]>();
  const parents = records.filter((r) => r.id !== rootId && r.parentId !== null).map((r) => r.parentId);
  const byParent = new Map<string, { id: string; role: string }[]>();
  if (parents.length > 0) {
    const rows = ctx
      .sql(
        `SELECT id, parent_id, role FROM messages
          WHERE conversation_id = ? AND deleted_at IS NULL AND parent_id IN (SELECT value FROM json_each(?))
          ORDER BY created_at, seq`,
      )
      .all(conversationId, JSON.stringify(parents));
    for (const row of rows) {
      const parent = String(row.parent_id);
      const list = byParent.get(parent) ?? [];
      list.push({ id: String(row.id), role: String(row.role) });
      byParent.set(parent, list);
    }
  }
  for (const record of records) {
    if (record.id === rootId || record.parentId === null) continue;
    const siblings = byParent.get(record.parentId) ?? [];
    versions.set(
      record.id,
      siblings.filter((s) => s.role === record.role).map((s) => s.id),
    );
  }
  const root = records.find((r) => r.id === rootId);
  if (root) {
    // Roots are the messages without a visible parent in this conversation (as loadTree sees them).
    const rows = ctx
      .sql(
        `SELECT m.id FROM messages m
          WHERE m.conversation_id = ? AND m.deleted_at IS NULL AND m.role = ?
            AND (m.parent_id IS NULL OR NOT EXISTS (
              SELECT 1 FROM messages p
               WHERE p.id = m.parent_id AND p.conversation_id = m.conversation_id AND p.deleted_at IS NULL))
          ORDER BY m.created_at, m.seq`,
      )
      .all(conversationId, root.role);
    versions.set(
      root.id,
      rows.map((row) => String(row.id)),
    );
  }
  return versions;
}

/** A page of the conversation's shown branch, inside a read or a transaction already open. */
export function page(ctx: StoreContext, conversationId: string, query: PageQuery = {}): ConversationPage {
  const conversation = loadConversation(ctx, conversationId);
  const bound = conversation.messageCount + 1;
  let ids =
    conversation.currentLeafId === null
      ? []
      : branchIds(ctx, conversationId, conversation.currentLeafId, bound);
  if (ids.length === 0 && conversation.messageCount > 0) {
    // The stored leaf is gone (or was never set): rare, so the whole tree may be read to pick one.
    const leaf = fallbackLeaf(loadTree(ctx, conversationId));
    ids = leaf === null ? [] : branchIds(ctx, conversationId, leaf, bound);
  }
  const [start, end] = pageRange(ids, query);
  const pageIds = ids.slice(start, end);
  const rows = ctx
    .sql(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(pageIds));
  const byId = new Map<string, MessageRecord>();
  for (const row of rows) {
    const record = toMessageRecord(row);
    byId.set(record.id, record);
  }
  const records = pageIds.flatMap((id) => byId.get(id) ?? []);
  const versions = versionsOf(ctx, conversationId, records, start === 0 ? ids[0] : undefined);
  return {
    conversation: toConversation(conversation),
    messages: records.map((record) => toMessage(record, versions.get(record.id) ?? [record.id])),
    startIndex: start,
    totalCount: ids.length,
    hasMoreBefore: start > 0,
    hasMoreAfter: end < ids.length,
  };
}

/** A page of the conversation's shown branch (its tail unless the query names an anchor). */
export function getPage(ctx: StoreContext, conversationId: string, query: PageQuery = {}): ConversationPage {
  return read(ctx, () => page(ctx, conversationId, query));
}
