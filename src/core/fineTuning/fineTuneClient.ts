import { APIError, toFile } from 'openai';
import type { FineTuningJob } from 'openai/resources/fine-tuning/jobs/jobs';
import { AppError } from '../../shared/errors';
import { FineTuneStatusSchema, type FineTuneStatus, type LossPoint } from '../../shared/fineTuningSchemas';
import { createOpenAIClient } from '../chat/openaiClient';
import { mapServiceError } from '../chat/serviceErrors';

/** Where the calls go: the provider in use, its key from `credentialsFor`, and the network. */
export interface FineTuneTarget {
  baseURL: string;
  apiKey: string;
  fetch?: typeof globalThis.fetch;
}

/** A job as the provider reports it, in Penpal's words. */
export interface RemoteJob {
  jobId: string;
  status: FineTuneStatus;
  fineTunedModel: string | null;
  error: string | null;
}

/** What creating a job needs. */
export interface JobRequest {
  model: string;
  epochs: number;
  suffix: string;
  train: string;
  validation: string | null;
}

// The provider's statuses are the schema's, less `uploading` (Penpal's own, before a job exists).
const STATUSES = new Set<string>(FineTuneStatusSchema.options.filter((status) => status !== 'uploading'));

function remoteJob(job: FineTuningJob): RemoteJob {
  return {
    jobId: job.id,
    // A status this version does not know (`paused`, a newer one) reads as still queued.
    status: STATUSES.has(job.status) ? (job.status as FineTuneStatus) : 'queued',
    fineTunedModel: job.fine_tuned_model ?? null,
    error: job.error?.message ?? null,
  };
}

// A 404 from these endpoints means the provider has no fine-tuning at all (most compatible
// servers, local ones); every other failure keeps the chat's mapping (key, network, 429…).
async function call<T>(target: FineTuneTarget, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof APIError && error.status === 404)
      throw new AppError(
        'fine_tuning_unsupported',
        `The provider at ${new URL(target.baseURL).origin} has no fine-tuning endpoints (404).`,
      );
    throw mapServiceError(error, { apiKey: target.apiKey });
  }
}

const client = (target: FineTuneTarget) =>
  createOpenAIClient({ baseURL: target.baseURL, apiKey: target.apiKey, fetch: target.fetch });

/** Uploads the JSONL files (purpose `fine-tune`) and creates the job. */
export async function createJob(target: FineTuneTarget, request: JobRequest): Promise<RemoteJob> {
  const sdk = client(target);
  return call(target, async () => {
    const upload = async (text: string, name: string) =>
      sdk.files.create({ file: await toFile(Buffer.from(text, 'utf8'), name), purpose: 'fine-tune' });
    const train = await upload(request.train, 'penpal-train.jsonl');
    const validation = request.validation
      ? await upload(request.validation, 'penpal-validation.jsonl')
      : null;
    const job = await sdk.fineTuning.jobs.create({
      model: request.model,
      training_file: train.id,
      ...(validation ? { validation_file: validation.id } : {}),
      ...(request.suffix ? { suffix: request.suffix } : {}),
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: request.epochs } } },
    });
    return remoteJob(job);
  });
}

/** The job's state now. */
export function retrieveJob(target: FineTuneTarget, jobId: string): Promise<RemoteJob> {
  return call(target, async () => remoteJob(await client(target).fineTuning.jobs.retrieve(jobId)));
}

/** Asks the provider to cancel the job. */
export function cancelJob(target: FineTuneTarget, jobId: string): Promise<RemoteJob> {
  return call(target, async () => remoteJob(await client(target).fineTuning.jobs.cancel(jobId)));
}

/** The training loss of each step the provider reported (its `metrics` events), by step. */
export function jobLosses(target: FineTuneTarget, jobId: string): Promise<LossPoint[]> {
  return call(target, async () => {
    const byStep = new Map<number, number>();
    const page = await client(target).fineTuning.jobs.listEvents(jobId, { limit: 100 });
    for (const event of page.data) {
      const data = event.data as { step?: unknown; train_loss?: unknown } | undefined;
      if (event.type === 'metrics' && typeof data?.step === 'number' && typeof data.train_loss === 'number')
        byStep.set(data.step, data.train_loss);
    }
    return [...byStep].map(([step, loss]) => ({ step, loss })).sort((a, b) => a.step - b.step);
  });
}
