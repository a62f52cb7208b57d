import type { StoreContext } from './context';
import type { MessageRecord } from './rows';

/**
 * Versions: an edit or a regeneration adds a sibling, and a message's versions are the visible
 * messages of its conversation with the same role that hang from the same parent, oldest first.
 *
 * The root rule, one for the tree walk (branches.ts), pages and single messages: a message hangs
 * from its parent only when that parent is visible (not deleted) in the same conversation. With no
 * parent, or one that is missing or deleted, it is a root, and the roots of a role are versions
 * of each other. `hangsFrom` states it for messages in memory, `VISIBLE_PARENT` for SQL.
 */

/** The parent a message hangs from, or null when it is a root. */
export function hangsFrom(parentId: string | null, isVisible: (id: string) => boolean): string | null {
  return parentId !== null && isVisible(parentId) ? parentId : null;
}

// `hangsFrom` in SQL, for a message `m`: true when it hangs from its parent.
const VISIBLE_PARENT = `EXISTS (SELECT 1 FROM messages p
  WHERE p.id = m.parent_id AND p.conversation_id = m.conversation_id AND p.deleted_at IS NULL)`;

/**
 * The version ids of each of `records` (visible messages of the conversation), oldest first.
 * One query for the children of their parents, and one per role of the roots among them.
 */
export function versionIds(
  ctx: StoreContext,
  conversationId: string,
  records: readonly MessageRecord[],
): Map<string, string[]> {
  // Versions by the parent they hang from (null: the roots), each with its role.
  const byParent = new Map<string | null, { id: string; role: string }[]>();
  const add = (parent: string | null, id: string, role: string): void => {
    const list = byParent.get(parent);
    if (list) list.push({ id, role });
    else byParent.set(parent, [{ id, role }]);
  };
  const parents = [...new Set(records.flatMap((record) => record.parentId ?? []))];
  if (parents.length > 0) {
    const rows = ctx
      .sql(
        `SELECT m.id, m.parent_id, m.role FROM messages m
          WHERE m.conversation_id = ? AND m.deleted_at IS NULL
            AND m.parent_id IN (SELECT value FROM json_each(?)) AND ${VISIBLE_PARENT}
          ORDER BY m.created_at, m.seq`,
      )
      .all(conversationId, JSON.stringify(parents));
    for (const row of rows) add(String(row.parent_id), String(row.id), String(row.role));
  }
  // A record is among its parent's children whenever that parent is visible, so a parent with
  // no children listed is missing or deleted.
  const parentOf = (record: MessageRecord) => hangsFrom(record.parentId, (id) => byParent.has(id));
  const rootRoles = new Set(records.filter((record) => parentOf(record) === null).map((r) => r.role));
  for (const role of rootRoles) {
    const rows = ctx
      .sql(
        `SELECT m.id FROM messages m
          WHERE m.conversation_id = ? AND m.deleted_at IS NULL AND m.role = ? AND NOT ${VISIBLE_PARENT}
          ORDER BY m.created_at, m.seq`,
      )
      .all(conversationId, role);
    for (const row of rows) add(null, String(row.id), role);
  }
  const versions = new Map<string, string[]>();
  for (const record of records) {
    const siblings = byParent.get(parentOf(record)) ?? [];
    versions.set(
      record.id,
      siblings.filter((sibling) => sibling.role === record.role).map((sibling) => sibling.id),
    );
  }
  return versions;
}

/** The version ids of one visible message. */
export function versionIdsOf(ctx: StoreContext, record: MessageRecord): string[] {
  return versionIds(ctx, record.conversationId, [record]).get(record.id) ?? [record.id];
}
