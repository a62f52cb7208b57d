import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import type { DownloadSchema } from '../../shared/contract/localModel';
import { AppError } from '../../shared/errors';
import type { CatalogModel } from './catalog';
import { downloadModel, huggingFaceFileURL } from './download';

/** A download as settings show it. */
export type DownloadView = z.infer<typeof DownloadSchema>;

/** A finished download. */
export interface DownloadedModel {
  id: string;
  name: string;
  path: string;
  sizeBytes: number;
}

/** Progress events at most this often (a fast disk would otherwise flood the window). */
const PROGRESS_MS = 250;

/** The downloads under way or paused, with their progress. */
export class Downloads {
  private readonly jobs = new Map<string, DownloadView & { controller: AbortController }>();
  private lastEmit = 0;

  constructor(private readonly options: { fetch?: typeof globalThis.fetch; onChange(): void }) {}

  /** Every download that is not finished. */
  list(): DownloadView[] {
    return [...this.jobs.values()].map(({ controller: _controller, ...view }) => view);
  }

  /** Starts (or resumes) a download; resolves when the model is on disk. */
  start(input: { entry: CatalogModel | null; url?: string; folder: string }): Promise<DownloadedModel> {
    const url = input.entry ? input.entry.url : huggingFaceFileURL(input.url ?? '');
    const fileName = decodeURIComponent(url.split('/').pop() ?? 'model.gguf');
    const id = input.entry?.id ?? fileName.replace(/\.gguf$/i, '');
    const running = this.jobs.get(id);
    if (running?.state === 'running') throw new AppError('busy', 'This model is already downloading.');
    const controller = new AbortController();
    const job = {
      id,
      received: running?.received ?? 0,
      total: running?.total ?? null,
      state: 'running' as const,
      error: null,
      controller,
    };
    this.jobs.set(id, job);
    this.options.onChange();
    const dest = join(input.folder, `${id}.gguf`);
    return downloadModel({
      url,
      dest,
      sha256: input.entry?.sha256 ?? undefined,
      sizeBytes: input.entry?.sizeBytes,
      signal: controller.signal,
      fetch: this.options.fetch,
      onProgress: (received, total) => {
        Object.assign(job, { received, total });
        const now = Date.now();
        if (now - this.lastEmit >= PROGRESS_MS) {
          this.lastEmit = now;
          this.options.onChange();
        }
      },
    }).then(
      () => {
        this.jobs.delete(id);
        return { id, name: input.entry?.name ?? fileName, path: dest, sizeBytes: job.received };
      },
      (err: unknown) => {
        const error = err instanceof AppError ? err : new AppError('download_failed', String(err));
        const paused = error.code === 'aborted';
        this.jobs.set(id, {
          ...job,
          state: paused ? 'paused' : 'failed',
          error: paused ? null : { code: error.code, message: error.message },
        });
        throw error;
      },
    );
  }

  /** Pauses a running download. */
  pause(id: string): void {
    this.jobs.get(id)?.controller.abort();
  }

  /** Pauses every download (shutdown). */
  pauseAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  /** Drops a paused or failed download and its part file. */
  async discard(id: string, folder: string): Promise<void> {
    const job = this.jobs.get(id);
    if (!job) throw new AppError('not_found', 'There is no such model or download.');
    job.controller.abort();
    this.jobs.delete(id);
    await rm(join(folder, `${id}.gguf.part`), { force: true });
  }
}
