/**
 * The import worker: decodes and parses the chosen files off the main thread, then sends the
 * conversations back in small batches (see `parseInWorker`). Started once per import.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { parseInProcess, WORKER_BATCH, type EncodedImportFile, type WorkerMessage } from './parser';

const port = parentPort;
if (!port) throw new Error('The import worker must run on a worker thread.');
const send = (message: WorkerMessage): void => port.postMessage(message);

port.once('message', ({ files }: { files: EncodedImportFile[] }) => {
  parseInProcess(files, (phase, done, total) => send({ type: 'progress', phase, done, total })).then(
    (parsed) => {
      for (let start = 0; start < parsed.conversations.length; start += WORKER_BATCH) {
        send({ type: 'conversations', batch: parsed.conversations.slice(start, start + WORKER_BATCH) });
      }
      send({ type: 'done', source: parsed.source, skipped: parsed.skipped, truncated: parsed.truncated });
    },
    (error: unknown) => {
      if (error instanceof AppError) send({ type: 'error', code: error.code, message: error.message });
      else
        send({
          type: 'error',
          code: 'import_failed',
          message: `The files could not be read (${String(error)}).`,
        });
    },
  );
});
