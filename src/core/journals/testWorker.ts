/**
 * Test helper: parses the files it is sent on a worker thread, as the import worker will, and
 * sends back the result (or the error's code and message). Proves the parsers need nothing the
 * main thread has and a worker lacks.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../shared/errors';
import { parseJournalFiles } from './index';
import type { JournalSourceFile } from './types';

const port = parentPort;
if (!port) throw new Error('testWorker must run on a worker thread.');
port.once('message', (files: JournalSourceFile[]) => {
  parseJournalFiles(files).then(
    (parsed) => port.postMessage({ ok: true, parsed }),
    (error: unknown) =>
      port.postMessage({
        ok: false,
        code: error instanceof AppError ? error.code : 'internal',
        message: error instanceof Error ? error.message : String(error),
      }),
  );
});
