import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { runOnWorker } from './workerJob';
import type { ParsedInput } from '../../shared/contract';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { ImportedConversation } from '../store/types';
import { parseImportFiles } from './index';
import type { ParsedImport } from './types';

/** A chosen file as it crosses the contract: its name and its bytes in base64. */
export type EncodedImportFile = ParsedInput<'library.import'>['files'][number];

/** Progress of the two phases that happen before saving. */
export type ParseProgress = (phase: 'reading' | 'parsing', done: number, total: number) => void;

/**
 * Turns the chosen files into conversations to save. In the app and the browser host this runs on
 * a worker thread, so unpacking and parsing a 50 MB export never holds up the process that
 * answers the window; tests and small tools may parse in process.
 */
export type ImportParser = (files: EncodedImportFile[], onProgress: ParseProgress) => Promise<ParsedImport>;

/** Messages from the import worker to the thread that started it. */
export type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'parsing'; done: number; total: number }
  | { type: 'conversations'; batch: ImportedConversation[] }
  | {
      type: 'done';
      source: ParsedImport['source'];
      skipped: ParsedImport['skipped'];
      truncated: ParsedImport['truncated'];
    }
  | { type: 'error'; code: ErrorCode; message: string };

/**
 * How many conversations travel in one message from the worker: receiving a message copies it on
 * the main thread, so each one stays small (≈ 2 MB, a millisecond or two to read).
 */
export const WORKER_BATCH = 50;

/** Decodes and parses in the calling thread, yielding a turn between files. */
export const parseInProcess: ImportParser = async (files, onProgress) => {
  const decoded = [];
  onProgress('reading', 0, files.length);
  for (const file of files) {
    // A Buffer is a Uint8Array: no second copy of the file.
    decoded.push({ name: file.name, bytes: Buffer.from(file.base64, 'base64') });
    onProgress('reading', decoded.length, files.length);
    await nextTurn();
  }
  return parseImportFiles(decoded, (done, total) => onProgress('parsing', done, total));
};

/**
 * Parses on a fresh worker thread from `spawn` (the worker runs `worker.ts`). The conversations
 * arrive in small batches; the worker ends when it is done or has failed. A worker that cannot
 * start at all (its file missing from a damaged install) falls back to parsing in process, so an
 * import still works, only less smoothly.
 */
export function parseInWorker(spawn: () => Worker): ImportParser {
  return (files, onProgress) => {
    const conversations: ImportedConversation[] = [];
    return runOnWorker<ParsedImport, WorkerMessage>({
      spawn,
      job: { files },
      onMessage: (message, job) => {
        if (message.type === 'progress') onProgress(message.phase, message.done, message.total);
        else if (message.type === 'conversations') conversations.push(...message.batch);
        else if (message.type === 'done')
          job.resolve({
            source: message.source,
            conversations,
            skipped: message.skipped,
            truncated: message.truncated,
          });
        else job.reject(new AppError(message.code, message.message));
      },
      fallback: () => parseInProcess(files, onProgress),
      stopped: (error) => new AppError('import_failed', stoppedMessage(error)),
    });
  };
}

function stoppedMessage(error: Error & { code?: string }): string {
  const outOfMemory = error.code === 'ERR_WORKER_OUT_OF_MEMORY' || /out of memory/i.test(error.message);
  return outOfMemory
    ? 'The files are too large to import at once. Try the conversations-…json files of the export one at a time.'
    : `The import stopped unexpectedly (${error.message}). Nothing was saved; please try again.`;
}
