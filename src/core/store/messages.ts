import { randomUUID } from 'node:crypto';
import type { WireError } from '../../shared/errors';
import type { Message, MessageStatus, Usage } from '../../shared/schemas';
import { failure, notFound, read, writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { MESSAGE_COLUMNS, toMessage, toMessageRecord, type MessageRecord } from './rows';
import type { NewMessage } from './types';
import { versionIdsOf } from './versions';

/** Single messages: add, read, stream into, finish, recover after a crash. */

/** Reads one message row, or throws `not_found` (also for a deleted message, kept only for undo). */
export function loadMessage(ctx: StoreContext, id: string): MessageRecord {
  const row = ctx.sql(`SELECT ${MESSAGE_COLUMNS} FROM messages WHERE id = ? AND deleted_at IS NULL`).get(id);
  if (!row) throw notFound('message', id);
  return toMessageRecord(row);
}

/** Inserts a message and makes it the conversation's current leaf. */
export function addMessage(ctx: StoreContext, message: NewMessage): Message {
  return writeTransaction(ctx, () => {
    loadConversation(ctx, message.conversationId);
    if (
      message.parentId !== null &&
      loadMessage(ctx, message.parentId).conversationId !== message.conversationId
    ) {
      throw notFound('message', message.parentId);
    }
    const id = randomUUID();
    const createdAt = message.createdAt ?? ctx.now();
    ctx
      .sql(
        `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        message.conversationId,
        message.parentId,
        message.role,
        message.content,
        message.status,
        message.model ?? null,
        createdAt,
      );
    ctx
      .sql('UPDATE conversations SET current_leaf_id = ?, updated_at = max(updated_at, ?) WHERE id = ?')
      .run(id, createdAt, message.conversationId);
    const record = loadMessage(ctx, id);
    return toMessage(record, versionIdsOf(ctx, record));
  });
}

/** One message with its version ids. */
export function getMessage(ctx: StoreContext, id: string): Message {
  return read(ctx, () => {
    const record = loadMessage(ctx, id);
    return toMessage(record, versionIdsOf(ctx, record));
  });
}

// ASCII text (as many bytes as characters) is cut by SQLite itself; other text in UTF-16 code
// units by `utf16_slice` (context.ts), since SQLite's `substr` counts code points.
const TEXT_SQL = `SELECT
    CASE WHEN length(CAST(content AS BLOB)) = length(content) THEN substr(content, ? + 1, ?)
         ELSE utf16_slice(content, ?, ?) END AS text,
    CASE WHEN length(CAST(content AS BLOB)) = length(content) THEN length(content)
         ELSE utf16_length(content) END AS content_length
  FROM messages WHERE id = ? AND deleted_at IS NULL`;

/**
 * A piece of a message's text, in UTF-16 code units from `start`, and the whole text's length: what
 * a conversation page left out of a very long message. A piece never ends inside a surrogate pair
 * (it then holds one code unit more), so pieces read one after the other join into the text.
 */
export function getMessageText(
  ctx: StoreContext,
  id: string,
  start: number,
  length: number,
): { text: string; contentLength: number } {
  return read(ctx, () => {
    const row = ctx.sql(TEXT_SQL).get(start, length, start, length, id);
    if (!row) throw notFound('message', id);
    return { text: String(row.text ?? ''), contentLength: Number(row.content_length) };
  });
}

/**
 * Replaces a streaming message's text. Called many times a second while an answer arrives, so it
 * is one UPDATE in autocommit (atomic on its own) and the search index is left until the end.
 */
export function updateContent(ctx: StoreContext, messageId: string, content: string): void {
  let changes: number;
  try {
    changes = Number(
      ctx
        .sql("UPDATE messages SET content = ? WHERE id = ? AND status = 'streaming' AND deleted_at IS NULL")
        .run(content, messageId).changes,
    );
  } catch (error) {
    throw failure(ctx, error);
  }
  // A throttled update arriving after the message was finished must not overwrite the final text.
  if (changes === 0) read(ctx, () => loadMessage(ctx, messageId));
}

/** Sets the final status, text, error, usage and (when cut to the size limit) truncation of a streamed message. */
export function finishMessage(
  ctx: StoreContext,
  messageId: string,
  result: {
    status: MessageStatus;
    content: string;
    error: WireError | null;
    usage: Usage | null;
    model?: string | null;
    truncatedChars?: number;
  },
): Message {
  return writeTransaction(ctx, () => {
    const before = loadMessage(ctx, messageId);
    ctx
      .sql(
        `UPDATE messages SET status = ?, content = ?, error_json = ?, usage_json = ?, model = ?,
           truncated_chars = ? WHERE id = ?`,
      )
      .run(
        result.status,
        result.content,
        result.error ? JSON.stringify(result.error) : null,
        result.usage ? JSON.stringify(result.usage) : null,
        result.model === undefined ? before.model : result.model,
        result.truncatedChars ?? 0,
        messageId,
      );
    ctx
      .sql('UPDATE conversations SET updated_at = max(updated_at, ?) WHERE id = ?')
      .run(ctx.now(), before.conversationId);
    const record = loadMessage(ctx, messageId);
    return toMessage(record, versionIdsOf(ctx, record));
  });
}

/** Marks every message a crash left `streaming` as `interrupted`, keeping its text. */
export function recoverInterrupted(ctx: StoreContext): number {
  return writeTransaction(ctx, () =>
    Number(ctx.sql("UPDATE messages SET status = 'interrupted' WHERE status = 'streaming'").run().changes),
  );
}
