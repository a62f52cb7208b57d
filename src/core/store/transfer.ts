import { randomUUID } from 'node:crypto';
import type { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/errors';
import { writeTransaction, type StoreContext } from './context';
import type { ImportedConversation, ImportedMessage, ImportResult } from './types';

/** Import: whole conversations with every branch, in the importers' common shape. */

/** The source-key prefix of a conversation exported from Penpal itself. */
export const PENPAL_KEY = 'penpal:';

/** Databases with an import under way in this process: a second import is refused, not raced. */
const importing = new WeakSet<DatabaseSync>();

/**
 * Runs `work` as the only import of this database, or throws `busy`. Two imports of one file at
 * once could each see a source key as new; one at a time keeps "import it twice, get it once".
 * When `work` returns a promise, the import lasts until that promise settles.
 */
export function asOnlyImport<T>(ctx: StoreContext, work: () => T): T {
  if (importing.has(ctx.db)) {
    throw new AppError('busy', 'An import is already under way; try again when it has finished.');
  }
  importing.add(ctx.db);
  const release = (): void => {
    importing.delete(ctx.db);
  };
  let result: T;
  try {
    result = work();
  } catch (error) {
    release();
    throw error;
  }
  if (result instanceof Promise) result.then(release, release);
  else release();
  return result;
}

/** An empty tally. */
export function emptyImportResult(): ImportResult {
  return { conversationsAdded: 0, messagesAdded: 0, duplicatesSkipped: 0, addedTitles: [] };
}

/**
 * Adds conversations in one transaction: a failure or a killed process leaves the library as it
 * was. A conversation already present (same source key, or a Penpal backup of a conversation that
 * is still here) is skipped and counted. Blocks until done: `importConversationsAsync` is the
 * one to use where other work must go on meanwhile.
 */
export function importConversations(
  ctx: StoreContext,
  conversations: ImportedConversation[],
  onProgress?: (done: number, total: number) => void,
): ImportResult {
  const result = emptyImportResult();
  const total = conversations.length;
  // Progress about a hundred times, not once per conversation: each call may become an IPC event.
  const step = Math.max(1, Math.floor(total / 100));
  asOnlyImport(ctx, () =>
    writeTransaction(ctx, () => {
      conversations.forEach((conversation, index) => {
        importOne(ctx, conversation, result, null);
        if (onProgress && ((index + 1) % step === 0 || index + 1 === total)) onProgress(index + 1, total);
      });
    }),
  );
  return result;
}

/**
 * Adds one conversation unless it is a duplicate, and counts it in `result`. With an `importId`
 * the row is staged: invisible until that import marks it visible. Call inside a transaction.
 */
export function importOne(
  ctx: StoreContext,
  conversation: ImportedConversation,
  result: ImportResult,
  importId: string | null,
): void {
  const steps = importSteps(ctx, conversation, result, importId);
  while (!steps.next().done);
}

/**
 * `importOne` one message at a time: each `next()` writes the next message (the first writes the
 * conversation row too), so a staged import can commit and let the event loop turn in the middle
 * of a long conversation. Every `next()` must run inside a write transaction; with an `importId`
 * the half-written conversation stays invisible until the import marks it visible.
 */
export function* importSteps(
  ctx: StoreContext,
  conversation: ImportedConversation,
  result: ImportResult,
  importId: string | null,
): Generator<void, void, void> {
  if (isDuplicate(ctx, conversation.sourceKey)) {
    result.duplicatesSkipped++;
    return;
  }
  result.messagesAdded += yield* insertConversation(ctx, conversation, importId);
  result.conversationsAdded++;
  result.addedTitles.push(conversation.title);
}

// Staged rows of an import under way count: the same key twice in one file is added once.
function isDuplicate(ctx: StoreContext, sourceKey: string): boolean {
  const ownId = sourceKey.startsWith(PENPAL_KEY) ? sourceKey.slice(PENPAL_KEY.length) : null;
  return (
    ctx.sql('SELECT 1 FROM conversations WHERE source_key = ? OR id = ? LIMIT 1').get(sourceKey, ownId) !==
    undefined
  );
}

function* insertConversation(
  ctx: StoreContext,
  conversation: ImportedConversation,
  importId: string | null,
): Generator<void, number, void> {
  const id = randomUUID();
  ctx
    .sql(
      `INSERT INTO conversations
         (id, title, created_at, updated_at, pinned, archived, system_prompt, source_key, import_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      importId,
    );
  const ids = new Map<string, string>();
  for (const message of conversation.messages) ids.set(message.localId, randomUUID());
  const insert = ctx.sql(
    `INSERT INTO messages (id, conversation_id, parent_id, role, content, status, model, created_at, truncated_chars)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
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
      message.truncatedChars ?? 0,
    );
    yield;
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
