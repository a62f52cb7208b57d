/**
 * The import worker: decodes and parses the chosen files off the main thread, then sends the
 * conversations back in small batches (see `parseInWorker`). Started once per import.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import type { JournalJobInput, JournalWorkerMessage } from './journalJob';
import type { EncodedImportFile, WorkerMessage } from './parser';

const port = parentPort;
if (!port) throw new Error('The import worker must run on a worker thread.');
const send = (message: WorkerMessage | JournalWorkerMessage): void => port.postMessage(message);

const failure = (error: unknown): { type: 'error'; code: AppError['code']; message: string } =>
  error instanceof AppError
    ? { type: 'error', code: error.code, message: error.message }
    : { type: 'error', code: 'import_failed', message: `The files could not be read (${String(error)}).` };

// One job per worker: a chat import (`{files}`) or a journal import (`{job: 'journal', input}`).
type Job = { job?: undefined; files: EncodedImportFile[] } | { job: 'journal'; input: JournalJobInput };

// Each job loads only its own importers: a worker starts per job, and loading every parser of
// both kinds before each one is most of a small import's time.
port.once('message', async (message: Job) => {
  if (message.job === 'journal') {
    const { runJournalJob } = await import('./journalJob');
    runJournalJob(message.input, (phase, done, total) => send({ type: 'progress', phase, done, total })).then(
      (result) => send({ type: 'journal', result }),
      (error: unknown) => send(failure(error)),
    );
    return;
  }
  const { files } = message;
  const { parseInProcess, WORKER_BATCH } = await import('./parser');
  parseInProcess(files, (phase, done, total) => send({ type: 'progress', phase, done, total })).then(
    (parsed) => {
      for (let start = 0; start < parsed.conversations.length; start += WORKER_BATCH) {
        send({ type: 'conversations', batch: parsed.conversations.slice(start, start + WORKER_BATCH) });
      }
      send({ type: 'done', source: parsed.source, skipped: parsed.skipped, truncated: parsed.truncated });
    },
    (error: unknown) => send(failure(error)),
  );
});
