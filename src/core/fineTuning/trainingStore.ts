import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import {
  FineTuneJobSchema,
  TrainingMessageSchema,
  type ExampleSource,
  type FineTuneJob,
  type TrainingExample,
  type TrainingMessage,
} from '../../shared/fineTuningSchemas';
import { writeTransaction, type StoreContext } from '../store/context';

/** A new example, before it has an id. */
export interface NewExample {
  source: ExampleSource;
  label: string;
  conversationId: string | null;
  messages: TrainingMessage[];
  raw: string | null;
}

/** The training set and the fine-tuning jobs, in the library's database (migration v8). */
export interface TrainingStore {
  listExamples(): TrainingExample[];
  /** Adds examples in order, in one transaction. */
  addExamples(list: readonly NewExample[]): void;
  /** Replaces one example's messages (an exclusion or a weight changed). */
  setMessages(id: string, messages: TrainingMessage[]): TrainingExample;
  removeExamples(ids: readonly string[]): void;
  listJobs(): FineTuneJob[];
  getJob(id: string): FineTuneJob;
  /** Inserts or replaces a job as a whole. */
  saveJob(job: FineTuneJob): void;
}

type Row = Record<string, unknown>;
const messagesOf = (json: unknown): TrainingMessage[] =>
  TrainingMessageSchema.array().parse(JSON.parse(String(json)));

function exampleFrom(row: Row): TrainingExample {
  return {
    id: String(row.id),
    source: String(row.source) as ExampleSource,
    label: String(row.label),
    conversationId: row.conversation_id === null ? null : String(row.conversation_id),
    messages: messagesOf(row.messages_json),
    raw: row.raw === null ? null : String(row.raw),
    createdAt: String(row.created_at),
  };
}

function jobFrom(row: Row): FineTuneJob {
  return FineTuneJobSchema.parse({
    id: row.id,
    jobId: row.job_id,
    baseURL: row.base_url,
    baseModel: row.base_model,
    suffix: row.suffix,
    epochs: Number(row.epochs),
    status: row.status,
    fineTunedModel: row.fine_tuned_model,
    error: row.error,
    losses: JSON.parse(String(row.losses_json)),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });
}

/** The training store over the library's context. */
export function createTrainingStore(ctx: StoreContext): TrainingStore {
  const getExample = (id: string): TrainingExample => {
    const row = ctx.sql('SELECT * FROM training_examples WHERE id = ?').get(id);
    if (!row) throw new AppError('not_found', 'That example is no longer in the training set.');
    return exampleFrom(row);
  };
  return {
    listExamples: () => ctx.sql('SELECT * FROM training_examples ORDER BY seq').all().map(exampleFrom),
    addExamples(list) {
      const now = ctx.now();
      writeTransaction(ctx, () => {
        for (const example of list) {
          ctx
            .sql(
              `INSERT INTO training_examples (id, source, label, conversation_id, messages_json, raw, created_at)
               VALUES (?, ?, ?, ?, ?, ?, ?)`,
            )
            .run(
              randomUUID(),
              example.source,
              example.label,
              example.conversationId,
              JSON.stringify(example.messages),
              example.raw,
              now,
            );
        }
      });
    },
    setMessages(id, messages) {
      getExample(id);
      ctx
        .sql('UPDATE training_examples SET messages_json = ? WHERE id = ?')
        .run(JSON.stringify(messages), id);
      return getExample(id);
    },
    removeExamples(ids) {
      ctx
        .sql('DELETE FROM training_examples WHERE id IN (SELECT value FROM json_each(?))')
        .run(JSON.stringify(ids));
    },
    listJobs: () => ctx.sql('SELECT * FROM fine_tune_jobs ORDER BY created_at DESC, id').all().map(jobFrom),
    getJob(id) {
      const row = ctx.sql('SELECT * FROM fine_tune_jobs WHERE id = ?').get(id);
      if (!row) throw new AppError('not_found', 'That training job is not known.');
      return jobFrom(row);
    },
    saveJob(job) {
      ctx
        .sql(
          `INSERT OR REPLACE INTO fine_tune_jobs (id, job_id, base_url, base_model, suffix, epochs, status,
             fine_tuned_model, error, losses_json, created_at, updated_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          job.id,
          job.jobId,
          job.baseURL,
          job.baseModel,
          job.suffix,
          job.epochs,
          job.status,
          job.fineTunedModel,
          job.error,
          JSON.stringify(job.losses),
          job.createdAt,
          job.updatedAt,
        );
    },
  };
}
