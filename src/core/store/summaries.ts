import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { read, writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import type { StoredSummary } from './contextTypes';
import type { Row } from './rows';

/**
 * Rolling summaries of a conversation. Each folds the branch up to `through_message_id`, so it
 * applies only to branches that contain that message; every refresh or edit is a new version.
 */

const COLUMNS = 'id, conversation_id, through_message_id, text, version, edited, created_at';

function toSummary(row: Row): StoredSummary {
  return {
    id: String(row.id),
    conversationId: String(row.conversation_id),
    throughMessageId: String(row.through_message_id),
    text: String(row.text),
    version: Number(row.version),
    edited: Number(row.edited) === 1,
    createdAt: String(row.created_at),
  };
}

function nextVersion(ctx: StoreContext, conversationId: string): number {
  const row = ctx
    .sql('SELECT coalesce(max(version), 0) AS v FROM summaries WHERE conversation_id = ?')
    .get(conversationId);
  return Number(row?.v ?? 0) + 1;
}

function insert(
  ctx: StoreContext,
  conversationId: string,
  throughMessageId: string,
  text: string,
  edited: boolean,
): StoredSummary {
  const id = randomUUID();
  ctx
    .sql(
      `INSERT INTO summaries (id, conversation_id, through_message_id, text, version, edited, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      id,
      conversationId,
      throughMessageId,
      text,
      nextVersion(ctx, conversationId),
      edited ? 1 : 0,
      ctx.now(),
    );
  return toSummary(ctx.sql(`SELECT ${COLUMNS} FROM summaries WHERE id = ?`).get(id) as Row);
}

/** Every summary of the conversation, newest version first. */
export function listSummaries(ctx: StoreContext, conversationId: string): StoredSummary[] {
  return read(ctx, () =>
    ctx
      .sql(`SELECT ${COLUMNS} FROM summaries WHERE conversation_id = ? ORDER BY version DESC`)
      .all(conversationId)
      .map(toSummary),
  );
}

/** Stores a new summary folding the branch through a message of the conversation. */
export function addSummary(
  ctx: StoreContext,
  conversationId: string,
  throughMessageId: string,
  text: string,
): StoredSummary {
  return writeTransaction(ctx, () => {
    loadConversation(ctx, conversationId);
    const owner = ctx
      .sql('SELECT conversation_id FROM messages WHERE id = ? AND deleted_at IS NULL')
      .get(throughMessageId);
    if (!owner || String(owner.conversation_id) !== conversationId) {
      throw new AppError('not_found', `No message with id ${throughMessageId} in this conversation.`);
    }
    return insert(ctx, conversationId, throughMessageId, text, false);
  });
}

/** Replaces a summary's text: a new version over the same messages, marked edited. */
export function editSummary(ctx: StoreContext, summaryId: string, text: string): StoredSummary {
  return writeTransaction(ctx, () => {
    const row = ctx.sql(`SELECT ${COLUMNS} FROM summaries WHERE id = ?`).get(summaryId);
    if (!row) throw new AppError('not_found', `No summary with id ${summaryId}.`);
    const current = toSummary(row);
    return insert(ctx, current.conversationId, current.throughMessageId, text, true);
  });
}
