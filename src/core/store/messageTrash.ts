import type { ConversationPage } from '../../shared/schemas';
import { writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { fallbackLeaf, loadTree, newestLeaf } from './branches';
import { page } from './branchPage';
import { loadMessage } from './messages';
import { hangsFrom } from './versions';

/**
 * Deleting a message is reversible: its subtree is hidden (deleted_at), not removed, until the
 * Trash is emptied or it has been deleted for `PURGE_AFTER_DAYS`. Every row of the subtree names
 * the message the user deleted (deleted_by), so a restore brings back exactly what went with it.
 */

/** Deleted messages older than this are purged for good when the library is opened. */
export const PURGE_AFTER_DAYS = 30;

/**
 * Hides a message and everything below it. When that takes away the branch being shown, the
 * newest remaining version of the message is shown instead, or else its parent.
 */
export function deleteMessage(ctx: StoreContext, messageId: string): ConversationPage {
  return writeTransaction(ctx, () => {
    const message = loadMessage(ctx, messageId);
    const conversation = loadConversation(ctx, message.conversationId);
    const tree = loadTree(ctx, message.conversationId);
    const removed = new Set<string>();
    const stack = [messageId];
    while (stack.length > 0) {
      const id = stack.pop() as string;
      removed.add(id);
      for (const child of tree.children.get(id) ?? []) stack.push(child.id);
    }
    // A hidden answer can no longer be streamed into; marking it interrupted now means a restore
    // never brings back a message that claims to still be arriving.
    const hide = ctx.sql(
      `UPDATE messages SET deleted_at = ?, deleted_by = ?,
         status = CASE WHEN status = 'streaming' THEN 'interrupted' ELSE status END
       WHERE id = ? AND deleted_at IS NULL`,
    );
    const now = ctx.now();
    for (const id of removed) hide.run(now, messageId, id);
    ctx
      .sql('UPDATE messages SET leaf_before_delete = ? WHERE id = ?')
      .run(conversation.currentLeafId, messageId);

    const leaf = conversation.currentLeafId;
    if (leaf === null || removed.has(leaf) || !tree.byId.has(leaf)) {
      const parent = hangsFrom(message.parentId, (id) => tree.byId.has(id));
      const versions = (tree.children.get(parent) ?? []).filter(
        (other) => other.role === message.role && !removed.has(other.id),
      );
      for (const id of removed) tree.byId.delete(id);
      tree.children.set(
        parent,
        (tree.children.get(parent) ?? []).filter((other) => !removed.has(other.id)),
      );
      const next =
        versions.length > 0
          ? newestLeaf(tree, versions[versions.length - 1].id)
          : (parent ?? fallbackLeaf(tree));
      ctx.sql('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(next, message.conversationId);
    }
    return page(ctx, message.conversationId);
  });
}

/** The deletion a hidden message belongs to: the message the user deleted, and its conversation. */
function deletionOf(ctx: StoreContext, id: string): { root: string; conversationId: string } | null {
  const row = ctx
    .sql('SELECT conversation_id, deleted_by FROM messages WHERE id = ? AND deleted_at IS NOT NULL')
    .get(id);
  if (!row) return null;
  return { root: String(row.deleted_by ?? id), conversationId: String(row.conversation_id) };
}

/**
 * Brings back a deleted message with the subtree deleted with it (any message of that subtree may
 * be named), and shows the branch that was shown before the delete, or else the restored branch's
 * newest leaf. When an ancestor was deleted later, its deletion is undone too, so the restored
 * messages hang where they were. Restoring a message that is not deleted changes nothing.
 */
export function restoreMessage(ctx: StoreContext, messageId: string): ConversationPage {
  return writeTransaction(ctx, () => {
    const deletion = deletionOf(ctx, messageId);
    if (deletion === null) return page(ctx, loadMessage(ctx, messageId).conversationId);
    loadConversation(ctx, deletion.conversationId);
    const previousLeaf = ctx.sql('SELECT leaf_before_delete FROM messages WHERE id = ?').get(deletion.root);
    const unhide = ctx.sql(
      'UPDATE messages SET deleted_at = NULL, deleted_by = NULL, leaf_before_delete = NULL WHERE deleted_by = ?',
    );
    const parentOf = ctx.sql('SELECT parent_id FROM messages WHERE id = ?');
    let root: string | null = deletion.root;
    // Bounded: each pass restores one deletion, and a damaged file could hold a parent cycle.
    for (let passes = 0; root !== null && passes < 10_000; passes++) {
      unhide.run(root);
      const parent: unknown = parentOf.get(root)?.parent_id;
      const above: { root: string } | null = typeof parent === 'string' ? deletionOf(ctx, parent) : null;
      root = above?.root ?? null;
    }
    const tree = loadTree(ctx, deletion.conversationId);
    const before = previousLeaf?.leaf_before_delete;
    const leaf =
      typeof before === 'string' && tree.byId.has(before) ? before : newestLeaf(tree, deletion.root);
    ctx.sql('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(leaf, deletion.conversationId);
    return page(ctx, deletion.conversationId);
  });
}

/** Removes for good the messages deleted before `before` (an ISO time); returns how many. */
export function purgeDeletedMessages(ctx: StoreContext, before: string): number {
  return writeTransaction(ctx, () =>
    Number(
      ctx.sql('DELETE FROM messages WHERE deleted_at IS NOT NULL AND deleted_at < ?').run(before).changes,
    ),
  );
}
