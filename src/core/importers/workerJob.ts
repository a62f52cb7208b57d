import type { Worker } from 'node:worker_threads';
import { type AppError } from '../../shared/errors';

/** What a worker job's message handler can do with the job's promise. */
export interface WorkerJobControl<T> {
  resolve(value: T): void;
  reject(error: AppError): void;
}

/** How to run one job on a fresh worker (see {@link runOnWorker}). */
export interface WorkerJob<T, M> {
  /** Starts the worker (the import worker, `worker.ts`). */
  spawn: () => Worker;
  /** Posted to the worker once: what it is to do. */
  job: unknown;
  /** Every message from the worker; the handler settles the job through `control`. */
  onMessage: (message: M, control: WorkerJobControl<T>) => void;
  /** Runs the job in the calling thread when the worker never started (its file missing). */
  fallback: () => Promise<T>;
  /** The error for a worker that died after it had started (out of memory, a crash). */
  stopped: (error: Error & { code?: string }) => AppError;
}

/**
 * Runs one job on a fresh worker thread and ends the worker when the job settles. A worker that
 * cannot start at all falls back to the calling thread, so an import still works, only less
 * smoothly; one that dies half-way fails the job with `stopped`. Chat and journal imports share it.
 */
export function runOnWorker<T, M>(options: WorkerJob<T, M>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = options.spawn();
    let started = false;
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      outcome();
      void worker.terminate();
    };
    const control: WorkerJobControl<T> = {
      resolve: (value) => finish(() => resolve(value)),
      reject: (error) => finish(() => reject(error)),
    };
    const failed = (error: Error): void =>
      finish(() => (started ? reject(options.stopped(error)) : options.fallback().then(resolve, reject)));
    worker.on('message', (message: M) => {
      started = true;
      options.onMessage(message, control);
    });
    worker.on('error', failed);
    worker.on('exit', (exitCode) => failed(new Error(`the worker exited with code ${exitCode}`)));
    worker.postMessage(options.job);
  });
}
