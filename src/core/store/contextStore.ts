import type { Conversation, ConversationPage, MemorySettings, Usage } from '../../shared/schemas';
import { MemorySettingsSchema } from '../../shared/schemas';
import { page } from './branchPage';
import { notFound, read, writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { loadMessage } from './messages';
import { toConversation, type Row } from './rows';
import type { TailMessage } from './contextTypes';

/**
 * What the context builder reads and records: the branch tail newest first (with cached token
 * counts), the request each answer was made from, and a conversation's memory and dividers.
 */

// The walk carries the columns the builder needs, so no second lookup or sort is needed: a
// recursive CTE over one chain yields its rows in depth order (checked below all the same).
const TAIL_SQL = `WITH RECURSIVE path(id, parent_id, role, content, status, context_break, depth) AS (
    SELECT id, parent_id, role, content, status, context_break, 0 FROM messages
     WHERE id = ? AND conversation_id = ? AND deleted_at IS NULL
    UNION ALL
    SELECT m.id, m.parent_id, m.role, m.content, m.status, m.context_break, path.depth + 1
      FROM path JOIN messages m ON m.id = path.parent_id
     WHERE m.conversation_id = ? AND m.deleted_at IS NULL AND path.depth < ?
  )
  SELECT path.id, path.parent_id, path.role, path.content, path.status, path.context_break, path.depth, t.tokens
  FROM path LEFT JOIN token_counts t ON t.message_id = path.id AND t.encoding = ?`;

function toTail(row: Row): TailMessage {
  return {
    id: String(row.id),
    role: String(row.role) as TailMessage['role'],
    content: String(row.content ?? ''),
    status: String(row.status) as TailMessage['status'],
    contextBreak: Number(row.context_break) === 1,
    tokens: row.tokens === null || row.tokens === undefined ? null : Number(row.tokens),
  };
}

/** The shown leaf of a conversation (the stored one, or the fallback the page logic picks). */
function shownLeaf(ctx: StoreContext, conversationId: string): string | null {
  const conversation = loadConversation(ctx, conversationId);
  if (conversation.currentLeafId !== null) {
    const row = ctx
      .sql('SELECT 1 FROM messages WHERE id = ? AND conversation_id = ? AND deleted_at IS NULL')
      .get(conversation.currentLeafId, conversationId);
    if (row) return conversation.currentLeafId;
  }
  return page(ctx, conversationId, { limit: 1 }).messages.at(-1)?.id ?? null;
}

/**
 * The branch ending at a message (or the shown leaf), newest first. Rows are stepped one at a time
 * (`iterate`), so a caller that stops early has read no further than it looked.
 */
export function* readBranchTail(
  ctx: StoreContext,
  conversationId: string,
  fromMessageId: string | null,
  encoding: string,
): Generator<TailMessage> {
  const start = read(ctx, () => fromMessageId ?? shownLeaf(ctx, conversationId));
  if (start === null) return;
  // The depth bound guards against a parent cycle a damaged file could contain.
  const bound = read(ctx, () => loadConversation(ctx, conversationId).messageCount + 1);
  // A statement of its own (not the shared cache): two tails stepped at once must not reset each other.
  const rows = read(ctx, () =>
    ctx.db.prepare(TAIL_SQL).iterate(start, conversationId, conversationId, bound, encoding),
  );
  try {
    for (let depth = 0; ; depth++) {
      const next = read(ctx, () => rows.next());
      // One chain comes out in depth order; anything else means a damaged tree: stop there.
      if (next.done || Number(next.value.depth) !== depth) return;
      yield toTail(next.value);
    }
  } finally {
    // The caller stopped early (or is done): reset the statement for its next use.
    rows.return?.();
  }
}

/** Caches text token counts for an encoding (one transaction). */
export function saveTokenCounts(
  ctx: StoreContext,
  encoding: string,
  counts: readonly { messageId: string; tokens: number }[],
): void {
  if (counts.length === 0) return;
  writeTransaction(ctx, () => {
    const insert = ctx.sql(
      `INSERT INTO token_counts (message_id, encoding, tokens)
       SELECT ?, ?, ? WHERE EXISTS (SELECT 1 FROM messages WHERE id = ?)
       ON CONFLICT (message_id, encoding) DO UPDATE SET tokens = excluded.tokens`,
    );
    for (const { messageId, tokens } of counts) insert.run(messageId, encoding, tokens, messageId);
  });
}

/** Records the request an answer was made from. */
export function saveAnswerContext(ctx: StoreContext, messageId: string, context: unknown): void {
  writeTransaction(ctx, () => {
    loadMessage(ctx, messageId);
    ctx
      .sql(
        `INSERT INTO answer_contexts (message_id, context_json) VALUES (?, ?)
         ON CONFLICT (message_id) DO UPDATE SET context_json = excluded.context_json`,
      )
      .run(messageId, JSON.stringify(context));
    ctx.sql('UPDATE messages SET context_recorded = 1 WHERE id = ?').run(messageId);
  });
}

/** The recorded request of an answer, parsed (null when none, or when it is damaged). */
export function getAnswerContext(ctx: StoreContext, messageId: string): unknown {
  return read(ctx, () => {
    loadMessage(ctx, messageId);
    const row = ctx.sql('SELECT context_json FROM answer_contexts WHERE message_id = ?').get(messageId);
    if (!row) return null;
    try {
      return JSON.parse(String(row.context_json)) as unknown;
    } catch {
      return null;
    }
  });
}

/** The text of messages by id, deleted ones included (kept for undo until purged). */
export function messageContents(ctx: StoreContext, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  return read(ctx, () => {
    const rows = ctx
      .sql('SELECT id, content FROM messages WHERE id IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids));
    return new Map(rows.map((row) => [String(row.id), String(row.content ?? '')]));
  });
}

/** Saves an answer's cost and how many messages were dropped to fit. */
export function setAnswerAccounting(
  ctx: StoreContext,
  messageId: string,
  figures: { cost?: number | null; droppedToFit?: number; usage?: Usage },
): void {
  writeTransaction(ctx, () => {
    loadMessage(ctx, messageId);
    if (figures.usage) {
      // Only where the service sent none: its own figures always win over our count.
      ctx
        .sql('UPDATE messages SET usage_json = ? WHERE id = ? AND usage_json IS NULL')
        .run(JSON.stringify(figures.usage), messageId);
    }
    if (figures.cost !== undefined) {
      const cost = figures.cost !== null && Number.isFinite(figures.cost) ? figures.cost : null;
      ctx.sql('UPDATE messages SET cost = ? WHERE id = ?').run(cost, messageId);
    }
    if (figures.droppedToFit !== undefined) {
      ctx
        .sql('UPDATE messages SET dropped_to_fit = ? WHERE id = ?')
        .run(Math.max(0, Math.floor(figures.droppedToFit)), messageId);
    }
  });
}

/** Sets a conversation's memory strategy. */
export function setMemory(ctx: StoreContext, conversationId: string, memory: MemorySettings): Conversation {
  const valid = MemorySettingsSchema.parse(memory);
  return writeTransaction(ctx, () => {
    const { changes } = ctx
      .sql('UPDATE conversations SET memory_json = ? WHERE id = ? AND import_id IS NULL')
      .run(JSON.stringify(valid), conversationId);
    if (Number(changes) === 0) throw notFound('conversation', conversationId);
    return toConversation(loadConversation(ctx, conversationId));
  });
}

/** Puts or removes a "clear context here" divider after a message. */
export function setContextBreak(ctx: StoreContext, messageId: string, enabled: boolean): ConversationPage {
  return writeTransaction(ctx, () => {
    const message = loadMessage(ctx, messageId);
    ctx.sql('UPDATE messages SET context_break = ? WHERE id = ?').run(enabled ? 1 : 0, messageId);
    return page(ctx, message.conversationId, { around: messageId });
  });
}
