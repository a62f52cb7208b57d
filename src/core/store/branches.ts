import type { ConversationPage, ConversationView, Message } from '../../shared/schemas';
import { page } from './branchPage';
import { read, writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { loadMessage } from './messages';
import { MESSAGE_COLUMNS, toConversation, toMessage, toMessageRecord, type MessageRecord } from './rows';
import { hangsFrom, versionIds } from './versions';

/**
 * Versions: the messages of a conversation form a tree (an edit or a regeneration adds a sibling),
 * and the conversation remembers which leaf is shown. The branch shown is root → that leaf.
 */

/** A conversation's visible messages, indexed for walking the tree. */
export interface Tree {
  byId: Map<string, MessageRecord>;
  /** Children of each message (null: the roots), oldest first. */
  children: Map<string | null, MessageRecord[]>;
}

/** Every visible (not deleted) message of the conversation, oldest first. */
export function loadMessages(ctx: StoreContext, conversationId: string): MessageRecord[] {
  return ctx
    .sql(
      `SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? AND deleted_at IS NULL
       ORDER BY created_at, seq`,
    )
    .all(conversationId)
    .map(toMessageRecord);
}

// One indexed query for the whole conversation is cheaper than a query per message on the path,
// even at 5,000 messages.
/** Every visible (not deleted) message of the conversation, indexed for walking the tree. */
export function loadTree(ctx: StoreContext, conversationId: string): Tree {
  const byId = new Map<string, MessageRecord>();
  const children = new Map<string | null, MessageRecord[]>();
  for (const record of loadMessages(ctx, conversationId)) byId.set(record.id, record);
  for (const record of byId.values()) {
    // A parent that no longer exists would hide the message forever: it is a root (versions.ts).
    const parent = hangsFrom(record.parentId, (id) => byId.has(id));
    const list = children.get(parent);
    if (list) list.push(record);
    else children.set(parent, [record]);
  }
  return { byId, children };
}

/** The leaf reached from `id` by always following the newest child. */
export function newestLeaf(tree: Tree, id: string): string {
  let current = id;
  for (let steps = 0; steps <= tree.byId.size; steps++) {
    const next = tree.children.get(current);
    if (!next || next.length === 0) break;
    current = next[next.length - 1].id;
  }
  return current;
}

/** The leaf to show when the stored one is missing: the newest branch from the newest root. */
export function fallbackLeaf(tree: Tree): string | null {
  const roots = tree.children.get(null) ?? [];
  return roots.length === 0 ? null : newestLeaf(tree, roots[roots.length - 1].id);
}

/** The messages root → `leafId`, each with its version ids. */
function branch(ctx: StoreContext, tree: Tree, conversationId: string, leafId: string | null): Message[] {
  const path: MessageRecord[] = [];
  let current = leafId === null ? undefined : tree.byId.get(leafId);
  // The bound guards against a parent cycle a damaged file could contain.
  while (current && path.length <= tree.byId.size) {
    path.push(current);
    current = current.parentId === null ? undefined : tree.byId.get(current.parentId);
  }
  path.reverse();
  const versions = versionIds(ctx, conversationId, path);
  return path.map((record) => toMessage(record, versions.get(record.id) ?? [record.id]));
}

/** The conversation and its current branch, inside a read or a transaction already open. */
function view(ctx: StoreContext, conversationId: string): ConversationView {
  const conversation = loadConversation(ctx, conversationId);
  const tree = loadTree(ctx, conversationId);
  const leaf =
    conversation.currentLeafId !== null && tree.byId.has(conversation.currentLeafId)
      ? conversation.currentLeafId
      : fallbackLeaf(tree);
  return { conversation: toConversation(conversation), messages: branch(ctx, tree, conversationId, leaf) };
}

/**
 * The conversation and its whole current branch, root first: for core callers that need it all.
 * The UI reads pages (branchPage.ts).
 */
export function getView(ctx: StoreContext, conversationId: string): ConversationView {
  return read(ctx, () => view(ctx, conversationId));
}

/** The messages from the root to this one, inclusive: what a model call resends. */
export function getPath(ctx: StoreContext, messageId: string): Message[] {
  return read(ctx, () => {
    const message = loadMessage(ctx, messageId);
    return branch(ctx, loadTree(ctx, message.conversationId), message.conversationId, messageId);
  });
}

/**
 * Shows this version: the current leaf becomes its newest descendant. Returns the page of the new
 * branch that holds the version (its tail when the version is in the tail).
 */
export function switchVersion(ctx: StoreContext, messageId: string): ConversationPage {
  return writeTransaction(ctx, () => {
    const message = loadMessage(ctx, messageId);
    const leaf = newestLeaf(loadTree(ctx, message.conversationId), messageId);
    ctx.sql('UPDATE conversations SET current_leaf_id = ? WHERE id = ?').run(leaf, message.conversationId);
    return page(ctx, message.conversationId, { around: messageId });
  });
}
