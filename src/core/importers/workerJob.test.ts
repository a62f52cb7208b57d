import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { runOnWorker } from './workerJob';

type Message = { type: 'answer'; value: number } | { type: 'hello' };

/** A worker from inline code (no file to build): `body` runs with `parentPort` in scope. */
const inline = (body: string) => () =>
  new Worker(`const { parentPort } = require('node:worker_threads');\n${body}`, { eval: true });

const job = (spawn: () => Worker) =>
  runOnWorker<number, Message>({
    spawn,
    job: { question: 20 },
    onMessage: (message, control) => {
      if (message.type === 'answer') control.resolve(message.value);
    },
    fallback: async () => -1,
    stopped: (error) => new AppError('import_failed', `stopped: ${error.message}`),
  });

describe('runOnWorker', () => {
  it('posts the job and settles with what the worker answers', async () => {
    const answer = job(
      inline(
        `parentPort.on('message', (m) => parentPort.postMessage({ type: 'answer', value: m.question + 22 }));`,
      ),
    );
    await expect(answer).resolves.toBe(42);
  });

  it('runs the fallback in the calling thread when the worker dies before saying anything', async () => {
    await expect(job(inline(`throw new Error('missing file');`))).resolves.toBe(-1);
  });

  it('fails with the stopped error when the worker dies after it started', async () => {
    const answer = job(
      inline(`parentPort.postMessage({ type: 'hello' }); setTimeout(() => process.exit(3), 20);`),
    );
    await expect(answer).rejects.toMatchObject({
      code: 'import_failed',
      message: 'stopped: the worker exited with code 3',
    });
  });
});
