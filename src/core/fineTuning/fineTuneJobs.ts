import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { FineTuneJob, FineTuneStatus, LossPoint } from '../../shared/fineTuningSchemas';
import { normalizeBaseURL } from '../chat/openaiClient';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';
import {
  cancelJob,
  createJob,
  jobLosses,
  retrieveJob,
  type FineTuneTarget,
  type JobRequest,
} from './fineTuneClient';

/** What the job runner is built from. */
export interface FineTuneJobsOptions {
  store: ConversationStore;
  events: EventBus;
  /** The Base URL of the provider in use, read fresh for each new job. */
  baseURL(): Promise<string>;
  /** The saved key for an address, checked against its binding (`credentialsFor` of core). */
  credentialsFor(baseURL: string): Promise<string>;
  fetch?: typeof globalThis.fetch;
  /** Gap between two polls of the jobs under way (default 15 s). */
  pollMs?: number;
  now(): Date;
}

const DONE: ReadonlySet<FineTuneStatus> = new Set(['succeeded', 'failed', 'cancelled']);

/**
 * Starts fine-tuning jobs at the provider in use and follows them: every job not finished is
 * polled (status, fine-tuned model, losses) until it is, also after a restart, since jobs are
 * kept in the library. Each change is announced as `training.job`.
 */
export class FineTuneJobs {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private polling = false;
  private closed = false;

  constructor(private readonly options: FineTuneJobsOptions) {}

  /** Every job, newest first. */
  list(): FineTuneJob[] {
    return this.options.store.training.listJobs();
  }

  /** The fine-tuned models of the jobs that succeeded at this address. */
  modelsAt(baseURL: string): string[] {
    const origin = safeOrigin(baseURL);
    return this.list()
      .filter((job) => job.status === 'succeeded' && job.fineTunedModel && safeOrigin(job.baseURL) === origin)
      .map((job) => job.fineTunedModel as string);
  }

  /**
   * Follows the jobs kept from before: one whose upload a restart cut off failed (nothing was
   * started at the provider); the others are polled.
   */
  resume(): void {
    try {
      for (const job of this.list()) {
        if (job.status === 'uploading')
          this.save({
            ...job,
            status: 'failed',
            error: 'Penpal was closed while the training files were uploading.',
          });
      }
      this.schedule();
    } catch {
      // A library that cannot be read or written right now must not stop Penpal from starting;
      // the jobs are followed again at the next start.
    }
  }

  /** Uploads the files and creates the job at the provider in use. */
  async start(request: JobRequest): Promise<FineTuneJob> {
    const baseURL = normalizeBaseURL(await this.options.baseURL());
    const target = await this.target(baseURL);
    const now = this.options.now().toISOString();
    let job: FineTuneJob = {
      id: randomUUID(),
      jobId: null,
      baseURL,
      baseModel: request.model,
      suffix: request.suffix,
      epochs: request.epochs,
      status: 'uploading',
      fineTunedModel: null,
      error: null,
      losses: [],
      createdAt: now,
      updatedAt: now,
    };
    this.save(job);
    try {
      const remote = await createJob(target, request);
      job = this.save({ ...job, ...remote });
    } catch (error) {
      this.save({ ...job, status: 'failed', error: error instanceof Error ? error.message : String(error) });
      throw error;
    }
    this.schedule();
    return job;
  }

  /** Asks the provider to cancel a job under way. */
  async cancel(id: string): Promise<FineTuneJob> {
    const job = this.options.store.training.getJob(id);
    if (DONE.has(job.status)) return job;
    if (!job.jobId)
      throw new AppError('busy', 'The files are still uploading; cancel once the job has started.');
    const remote = await cancelJob(await this.target(job.baseURL), job.jobId);
    return this.save({ ...job, ...remote });
  }

  /** Stops polling (at shutdown). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Polls every job under way once; resolves when each is saved. Tests call it instead of waiting. */
  async pollNow(): Promise<void> {
    if (this.polling) return;
    this.polling = true;
    try {
      for (const job of this.list()) {
        if (DONE.has(job.status) || !job.jobId || this.closed) continue;
        await this.pollOne(job, job.jobId);
      }
    } finally {
      this.polling = false;
    }
  }

  private async pollOne(job: FineTuneJob, jobId: string): Promise<void> {
    try {
      const target = await this.target(job.baseURL);
      const remote = await retrieveJob(target, jobId);
      const losses = mergeLosses(job.losses, await jobLosses(target, jobId));
      const changed =
        remote.status !== job.status ||
        remote.fineTunedModel !== job.fineTunedModel ||
        remote.error !== job.error ||
        losses.length !== job.losses.length;
      if (changed) this.save({ ...job, ...remote, losses });
    } catch {
      // A network failure or a key typed again later: the job goes on at the provider, so it is
      // polled again next time rather than marked failed.
    }
  }

  private schedule(): void {
    if (this.closed || this.timer) return;
    if (!this.list().some((job) => !DONE.has(job.status))) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.pollNow().finally(() => this.schedule());
    }, this.options.pollMs ?? 15_000);
    // Polling never keeps the process alive on its own.
    this.timer.unref?.();
  }

  private async target(baseURL: string): Promise<FineTuneTarget> {
    return { baseURL, apiKey: await this.options.credentialsFor(baseURL), fetch: this.options.fetch };
  }

  private save(job: FineTuneJob): FineTuneJob {
    const saved = { ...job, updatedAt: this.options.now().toISOString() };
    this.options.store.training.saveJob(saved);
    this.options.events.emit('training.job', saved);
    return saved;
  }
}

/** The losses known before and the ones just read, one per step, by step. */
export function mergeLosses(known: readonly LossPoint[], fresh: readonly LossPoint[]): LossPoint[] {
  const byStep = new Map(known.map((point) => [point.step, point.loss]));
  for (const point of fresh) byStep.set(point.step, point.loss);
  return [...byStep].map(([step, loss]) => ({ step, loss })).sort((a, b) => a.step - b.step);
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
