import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { failure, toAppError, writeTransaction, type StoreContext } from './context';
import { asOnlyImport, emptyImportResult, importSteps } from './transfer';
import type { ImportedConversation, ImportResult } from './types';

/**
 * An import that never freezes the process and is still all-or-nothing. Conversations are written
 * in short transactions, each batch staged (conversations.import_id set, so no list, view, search
 * or export sees them), with a turn of the event loop between batches so events and other requests
 * flow. One last short transaction clears the marker and everything appears at once. A failure
 * removes the staged rows; a killed process leaves only staged rows, removed at the next open.
 */

// About 10 ms of inserts per batch, cut between messages (a long conversation spans batches, staged
// and invisible until the end); with its commit and checkpoint (a few ms each) the event loop waits
// some 20 ms at a time, and the import is as fast as one transaction.
const SLICE_MS = 10;

/**
 * Adds conversations as `importConversations` does (same dedup by source key, same result), but
 * in batches that let the event loop run in between; `onProgress` is called after each batch.
 * Only one import of a database runs at a time: a second one is rejected with `busy`.
 */
export async function importConversationsAsync(
  ctx: StoreContext,
  conversations: ImportedConversation[],
  onProgress?: (done: number, total: number) => void,
): Promise<ImportResult> {
  return asOnlyImport(ctx, async () => {
    const importId = randomUUID();
    const result = emptyImportResult();
    const total = conversations.length;
    let done = 0;
    const steps = (function* () {
      for (const conversation of conversations) {
        yield* importSteps(ctx, conversation, result, importId);
        done++;
      }
    })();
    let finished = false;
    // SQLite's automatic checkpoint copies ~4 MB of WAL inside whichever commit crosses the mark,
    // which holds the event loop 100+ ms on a slow disk. A small checkpoint after each batch
    // instead costs a few ms each time and keeps the WAL from growing with the import.
    const autoCheckpoint = Number(
      ctx.db.prepare('PRAGMA wal_autocheckpoint').get()?.wal_autocheckpoint ?? 1000,
    );
    ctx.db.exec('PRAGMA wal_autocheckpoint = 0');
    try {
      while (!finished) {
        const started = performance.now();
        writeTransaction(ctx, () => {
          // At least one message per batch, so a slow disk still makes progress.
          do finished = steps.next().done === true;
          while (!finished && performance.now() - started < SLICE_MS);
        });
        checkpoint(ctx);
        onProgress?.(done, total);
        await nextTurn();
      }
      writeTransaction(ctx, () =>
        ctx.sql('UPDATE conversations SET import_id = NULL WHERE import_id = ?').run(importId),
      );
      return result;
    } catch (error) {
      try {
        discardStagedImports(ctx, importId);
      } catch {
        // The rows stay invisible and are removed at the next open; the first error is the one to report.
      }
      throw toAppError(error);
    } finally {
      if (ctx.db.isOpen) ctx.db.exec(`PRAGMA wal_autocheckpoint = ${autoCheckpoint}`);
    }
  });
}

// PASSIVE never waits for readers: frames a reader still needs are simply copied next time.
function checkpoint(ctx: StoreContext): void {
  try {
    ctx.db.exec('PRAGMA wal_checkpoint(PASSIVE)');
  } catch (error) {
    throw failure(ctx, error);
  }
}

/**
 * Removes what an unfinished import staged: one import's rows, or (at open, when no import can be
 * running) every staged row. Messages go with their conversations. Returns how many conversations.
 */
export function discardStagedImports(ctx: StoreContext, importId?: string): number {
  return writeTransaction(ctx, () =>
    Number(
      importId === undefined
        ? ctx.sql('DELETE FROM conversations WHERE import_id IS NOT NULL').run().changes
        : ctx.sql('DELETE FROM conversations WHERE import_id = ?').run(importId).changes,
    ),
  );
}
