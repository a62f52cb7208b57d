import { loadMessages } from './branches';
import { read, type StoreContext } from './context';
import { loadConversation } from './conversations';
import {
  CONVERSATION_COLUMNS,
  MESSAGE_COLUMNS,
  toConversationRecord,
  toMessageRecord,
  type ConversationRecord,
  type MessageRecord,
} from './rows';
import { PENPAL_KEY } from './transfer';
import type { BackupData, ImportedConversation } from './types';

/** Export: whole conversations with every branch (deleted messages left out), in the importers' shape. */

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
      // Only when cut, so backups of complete messages stay as they were.
      ...(message.truncatedChars > 0 ? { truncatedChars: message.truncatedChars } : {}),
    })),
    currentLeafLocalId: conversation.currentLeafId,
  };
}

/** One conversation with all its branches. */
export function exportConversation(ctx: StoreContext, id: string): ImportedConversation {
  return read(ctx, () => {
    const conversation = loadConversation(ctx, id);
    return toImported(conversation, loadMessages(ctx, id));
  });
}

/** Every conversation outside the Trash (archived ones included), for a backup. */
export function exportAll(ctx: StoreContext): BackupData {
  return read(ctx, () => {
    const conversations = ctx
      .sql(
        `SELECT ${CONVERSATION_COLUMNS} FROM conversations WHERE deleted_at IS NULL AND import_id IS NULL
         ORDER BY created_at, seq`,
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
         WHERE c.deleted_at IS NULL AND c.import_id IS NULL AND m.deleted_at IS NULL
         ORDER BY m.conversation_id, m.created_at, m.seq`,
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
