import { randomUUID } from 'node:crypto';
import type { Conversation } from '../../shared/schemas';
import { notFound, read, writeTransaction, type StoreContext } from './context';
import { CONVERSATION_COLUMNS, toConversation, toConversationRecord, type ConversationRecord } from './rows';
import type { ConversationListView } from './types';

/** The conversation library: create, list, rename, pin, archive, trash. */

const SELECT = `SELECT ${CONVERSATION_COLUMNS} FROM conversations`;

// Each WHERE matches the leading columns of conversations_sidebar, so the list is read in index
// order without a sort. seq breaks ties between conversations touched in the same millisecond.
// Rows an import has staged (import_id set) stay out of every list until the import completes.
const LIST_WHERE: Record<ConversationListView, string> = {
  active: 'archived = 0 AND deleted_at IS NULL AND import_id IS NULL',
  archived: 'archived = 1 AND deleted_at IS NULL AND import_id IS NULL',
  trash: 'deleted_at IS NOT NULL AND import_id IS NULL',
};

/** Reads one conversation row, or throws `not_found`. */
export function loadConversation(ctx: StoreContext, id: string): ConversationRecord {
  const row = ctx.sql(`${SELECT} WHERE id = ? AND import_id IS NULL`).get(id);
  if (!row) throw notFound('conversation', id);
  return toConversationRecord(row);
}

/** A new, empty conversation. */
export function createConversation(
  ctx: StoreContext,
  options: { title?: string; systemPrompt?: string } = {},
): Conversation {
  return writeTransaction(ctx, () => {
    const id = randomUUID();
    const now = ctx.now();
    ctx
      .sql(
        'INSERT INTO conversations (id, title, created_at, updated_at, system_prompt) VALUES (?, ?, ?, ?, ?)',
      )
      .run(id, options.title ?? '', now, now, options.systemPrompt ?? '');
    return toConversation(loadConversation(ctx, id));
  });
}

/** One of the sidebar's lists: pinned first, then the most recently active. */
export function listConversations(ctx: StoreContext, view: ConversationListView): Conversation[] {
  return read(ctx, () =>
    ctx
      .sql(`${SELECT} WHERE ${LIST_WHERE[view]} ORDER BY pinned DESC, updated_at DESC, seq DESC`)
      .all()
      .map((row) => toConversation(toConversationRecord(row))),
  );
}

/** One conversation, whichever list it is in. */
export function getConversation(ctx: StoreContext, id: string): Conversation {
  return read(ctx, () => toConversation(loadConversation(ctx, id)));
}

// Renaming, pinning and archiving are not "activity": they leave updated_at, and so the
// conversation's place in the list by date, alone.
function updateColumn(
  ctx: StoreContext,
  id: string,
  sql: string,
  value: string | number | null,
): Conversation {
  return writeTransaction(ctx, () => {
    const { changes } = ctx
      .sql(`UPDATE conversations SET ${sql} WHERE id = ? AND import_id IS NULL`)
      .run(value, id);
    if (Number(changes) === 0) throw notFound('conversation', id);
    return toConversation(loadConversation(ctx, id));
  });
}

/** Gives the conversation a new title. */
export function renameConversation(ctx: StoreContext, id: string, title: string): Conversation {
  return updateColumn(ctx, id, 'title = ?', title);
}

/** Pins the conversation to the top of its list, or unpins it. */
export function setPinned(ctx: StoreContext, id: string, pinned: boolean): Conversation {
  return updateColumn(ctx, id, 'pinned = ?', pinned ? 1 : 0);
}

/** Moves the conversation to the Archive, or back. */
export function setArchived(ctx: StoreContext, id: string, archived: boolean): Conversation {
  return updateColumn(ctx, id, 'archived = ?', archived ? 1 : 0);
}

/** Moves the conversation to the Trash; it stays there, whole, until the Trash is emptied. */
export function trashConversation(ctx: StoreContext, id: string): void {
  updateColumn(ctx, id, 'deleted_at = ?', ctx.now());
}

/** Takes the conversation out of the Trash, back to the list it was in. */
export function restoreConversation(ctx: StoreContext, id: string): Conversation {
  return updateColumn(ctx, id, 'deleted_at = ?', null);
}

/**
 * Deletes every conversation in the Trash for good (messages go with them), and every deleted
 * message still kept for undo; returns how many conversations.
 */
export function emptyTrash(ctx: StoreContext): number {
  return writeTransaction(ctx, () => {
    ctx.sql('DELETE FROM messages WHERE deleted_at IS NOT NULL').run();
    return Number(
      ctx.sql('DELETE FROM conversations WHERE deleted_at IS NOT NULL AND import_id IS NULL').run().changes,
    );
  });
}
