import type { ConversationPage } from '../../shared/schemas';
import { read, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { fallbackLeaf, loadTree } from './branches';
import type { PageQuery } from './types';
import { PAGE_MESSAGE_COLUMNS, toConversation, toMessage, toMessageRecord, type MessageRecord } from './rows';
import { versionIds } from './versions';

/**
 * Pages of the shown branch: a 5,000-message conversation is opened at its tail, and older (or,
 * after a search jump, newer) pages are fetched as the user scrolls. Only the branch's ids are
 * walked in full (one recursive query from the leaf); rows are read for the page alone, and of a
 * very long message only its head (`MESSAGE_HEAD_CHARS`; the rest comes from `message.text`).
 */

/** Messages in a page when the caller does not say. */
const DEFAULT_PAGE_SIZE = 60;

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
    .sql(`SELECT ${PAGE_MESSAGE_COLUMNS} FROM messages WHERE id IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(pageIds));
  const byId = new Map<string, MessageRecord>();
  for (const row of rows) {
    const record = toMessageRecord(row);
    byId.set(record.id, record);
  }
  const records = pageIds.flatMap((id) => byId.get(id) ?? []);
  const versions = versionIds(ctx, conversationId, records);
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
