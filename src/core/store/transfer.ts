import { randomUUID } from 'node:crypto';
import { read, writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  toConversationRecord,
  toMessageRecord,
  type ConversationRecord,
  type MessageRecord,
} from './rows';
import type { BackupData, ImportedConversation, ImportedMessage, ImportResult } from './types';

/** Import and export: whole conversations with every branch, in the importers' common shape. */

const PENPAL_KEY = 'penpal:';

/**
 * Adds conversations in one transaction: a failure or a killed process leaves the library as it
 * was. A conversation already present (same source key, or a Penpal backup of a conversation that
 * is still here) is skipped and counted.
 */
export function importConversations(
  ctx: StoreContext,
  conversations: ImportedConversation[],
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  const result: ImportResult = {
    conversationsAdded: 0,
    messagesAdded: 0,
    duplicatesSkipped: 0,
    addedTitles: [],
  };
  const total = conversations.length;
  // Progress about a hundred times, not once per conversation: each call may become an IPC event.
  const step = Math.max(1, Math.floor(total / 100));
  writeTransaction(ctx, () => {
    conversations.forEach((conversation, index) => {
      if (isDuplicate(ctx, conversation.sourceKey)) result.duplicatesSkipped++;
      else {
        result.messagesAdded += insertConversation(ctx, conversation);
        result.conversationsAdded++;
        result.addedTitles.push(conversation.title);
      }
      if (onProgress && ((index + 1) % step === 0 || index + 1 === total)) onProgress(index + 1, total);
    });
  });
  return result;
}

function isDuplicate(ctx: StoreContext, sourceKey: string): boolean {
  const ownId = sourceKey.startsWith(PENPAL_KEY) ? sourceKey.slice(PENPAL_KEY.length) : null;
  return (
    ctx.sql('SELECT 1 FROM conversations WHERE source_key = ? OR id = ? LIMIT 1').get(sourceKey, ownId) !==
    undefined
  );
}

function insertConversation(ctx: StoreContext, conversation: ImportedConversation): number {
  const id = randomUUID();
  ctx
    .sql(
      `INSERT INTO conversations (id, title, created_at, updated_at, pinned, archived, system_prompt, source_key)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      conversation.title,
      conversation.createdAt,
      conversation.updatedAt,
      conversation.pinned ? 1 : 0,
      conversation.archived ? 1 : 0,
      conversation.systemPrompt,
      conversation.sourceKey,
    );
  const ids = new Map<string, string>();
  for (const message of conversation.messages) ids.set(message.localId, randomUUID());
  const insert = ctx.sql(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  for (const message of conversation.messages) {
    // A parent the source does not contain makes the message a root rather than an orphan.
    const parentId = message.parentLocalId === null ? null : (ids.get(message.parentLocalId) ?? null);
    // Nothing imported can still be arriving.
    const status = message.status === 'streaming' ? 'interrupted' : (message.status ?? 'done');
    insert.run(
      ids.get(message.localId) ?? null,
      id,
      parentId,
      message.role,
      message.content,
      status,
      message.model,
      message.createdAt,
    );
  }
  const leafLocalId =
    conversation.currentLeafLocalId !== null && ids.has(conversation.currentLeafLocalId)
      ? conversation.currentLeafLocalId
      : newestLeafLocalId(conversation.messages);
  ctx
    .sql('UPDATE conversations SET current_leaf_id = ? WHERE id = ?')
    .run(leafLocalId === null ? null : (ids.get(leafLocalId) ?? null), id);
  return conversation.messages.length;
}

function newestLeafLocalId(messages: ImportedMessage[]): string | null {
  const parents = new Set(messages.map((message) => message.parentLocalId));
  let newest: ImportedMessage | null = null;
  for (const message of messages) {
    if (parents.has(message.localId)) continue;
    if (newest === null || message.createdAt >= newest.createdAt) newest = message;
  }
  return newest?.localId ?? null;
}

// The source key travels with the conversation: a ChatGPT import keeps its `chatgpt:` key, so
// restoring the backup and importing the same ChatGPT file again still adds nothing twice.
function toImported(conversation: ConversationRecord, messages: MessageRecord[]): ImportedConversation {
  return {
    sourceKey: conversation.sourceKey ?? `${PENPAL_KEY}${conversation.id}`,
    title: conversation.title,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    systemPrompt: conversation.systemPrompt,
    pinned: conversation.pinned,
    archived: conversation.archived,
    messages: messages.map((message) => ({
      localId: message.id,
      parentLocalId: message.parentId,
      role: message.role,
      content: message.content,
      createdAt: message.createdAt,
      model: message.model,
      status: message.status,
    })),
    currentLeafLocalId: conversation.currentLeafId,
  };
}

/** One conversation with all its branches. */
export function exportConversation(ctx: StoreContext, id: string): ImportedConversation {
  return read(ctx, () => {
    const conversation = loadConversation(ctx, id);
    const messages = ctx
      .sql(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE conversation_id = ? ORDER BY created_at, seq`)
      .all(id)
      .map(toMessageRecord);
    return toImported(conversation, messages);
  });
}

/** Every conversation outside the Trash (archived ones included), for a backup. */
export function exportAll(ctx: StoreContext): BackupData {
  return read(ctx, () => {
    const conversations = ctx
      .sql(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE deleted_at IS NULL ORDER BY created_at, seq`,
      )
      .all()
      .map(toConversationRecord);
    const byConversation = new Map<string, MessageRecord[]>();
    // One pass over all messages beats a query per conversation at 10,000 conversations.
    for (const row of ctx
      .sql(
        `SELECT ${MESSAGE_COLUMNS.split(', ')
          .map((column) => `m.${column}`)
          .join(', ')}
         FROM messages m JOIN conversations c ON c.id = m.conversation_id
         WHERE c.deleted_at IS NULL ORDER BY m.conversation_id, m.created_at, m.seq`,
      )
      .iterate()) {
      const message = toMessageRecord(row);
      const list = byConversation.get(message.conversationId);
      if (list) list.push(message);
      else byConversation.set(message.conversationId, [message]);
    }
    return {
      format: 'penpal-backup',
      version: 1,
      exportedAt: ctx.now(),
      conversations: conversations.map((conversation) =>
        toImported(conversation, byConversation.get(conversation.id) ?? []),
      ),
    };
  });
}
