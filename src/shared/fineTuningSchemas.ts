import { z } from 'zod';
import { Id, IsoDate } from './schemas';

/**
 * Wire schemas of fine-tuning: the training set (examples built from conversations or imported
 * pairs), the data check report, and the jobs run at the provider.
 */

/** Where an example came from. */
export const ExampleSourceSchema = z.enum(['conversation', 'csv', 'jsonl']);
export type ExampleSource = z.infer<typeof ExampleSourceSchema>;

/** Whether an assistant turn is trained on (1) or only context (0), as the chat format's `weight`. */
export const TrainingWeightSchema = z.union([z.literal(0), z.literal(1)]);
export type TrainingWeight = z.infer<typeof TrainingWeightSchema>;

/**
 * One message of an example. `role` is kept as imported (a JSONL file may carry any string),
 * so the data check can say which line has a bad one.
 */
export const TrainingMessageSchema = z.object({
  role: z.string().max(40),
  content: z.string(),
  /** Left out of the exported line. */
  excluded: z.boolean(),
  weight: TrainingWeightSchema,
});
export type TrainingMessage = z.infer<typeof TrainingMessageSchema>;

/** One example: one conversation path, or one imported pair or line. */
export const TrainingExampleSchema = z.object({
  id: Id,
  source: ExampleSourceSchema,
  /** What the user recognises it by: a conversation's title, `file.csv:12`. */
  label: z.string(),
  /** The conversation it was built from, when it was. */
  conversationId: Id.nullable(),
  messages: z.array(TrainingMessageSchema),
  /** An imported line that is not JSON of the chat format: exported as it is, flagged by the check. */
  raw: z.string().nullable(),
  createdAt: IsoDate,
});
export type TrainingExample = z.infer<typeof TrainingExampleSchema>;

/** The checks of the report, as OpenAI's data-preparation guide lists them. */
export const CheckCodeSchema = z.enum([
  'unparsable',
  'bad_role',
  'not_alternating',
  'empty_content',
  'too_long',
  'too_few',
  'few',
  'duplicate',
  'no_assistant',
  'no_price',
]);
export type CheckCode = z.infer<typeof CheckCodeSchema>;

/** An error blocks training; a warning may be accepted. */
export const CheckSeveritySchema = z.enum(['error', 'warning']);
export type CheckSeverity = z.infer<typeof CheckSeveritySchema>;

/** One finding: which check, and which examples (their labels, in line order). */
export const CheckIssueSchema = z.object({
  code: CheckCodeSchema,
  severity: CheckSeveritySchema,
  /** Labels of the examples concerned (empty for a finding about the whole set). */
  examples: z.array(z.string()),
  /** A number the message needs: the count of examples, or the token limit. */
  figure: z.number().nullable(),
});
export type CheckIssue = z.infer<typeof CheckIssueSchema>;

/** The data check report. */
export const DataCheckReportSchema = z.object({
  model: z.string(),
  /** The tokenizer used (`o200k_base`, `cl100k_base`, or `estimate` for an unknown model). */
  encoding: z.string(),
  /** Tokens one example may have for this model. */
  exampleLimit: z.number().int(),
  exampleCount: z.number().int(),
  /** Tokens of each example, in line order. */
  tokens: z.array(z.object({ label: z.string(), tokens: z.number().int() })),
  trainingTokens: z.number().int(),
  epochs: z.number().int(),
  /** Training tokens × epochs: what the provider bills. */
  billedTokens: z.number().int(),
  /** US dollars per million training tokens, or null when the price table does not know the model. */
  pricePerMillion: z.number().nullable(),
  estimatedCost: z.number().nullable(),
  issues: z.array(CheckIssueSchema),
  /** No error: training may start (after the user accepts the warnings, if any). */
  ok: z.boolean(),
});
export type DataCheckReport = z.infer<typeof DataCheckReportSchema>;

/** A job's state; the provider's words, plus `uploading` while Penpal sends the files. */
export const FineTuneStatusSchema = z.enum([
  'uploading',
  'validating_files',
  'queued',
  'running',
  'succeeded',
  'failed',
  'cancelled',
]);
export type FineTuneStatus = z.infer<typeof FineTuneStatusSchema>;

/** A training loss the provider reported for one step. */
export const LossPointSchema = z.object({ step: z.number().int(), loss: z.number() });
export type LossPoint = z.infer<typeof LossPointSchema>;

/** A fine-tuning job as Penpal keeps it. */
export const FineTuneJobSchema = z.object({
  id: Id,
  /** The provider's job id (`ftjob-…`), null until it is created. */
  jobId: z.string().nullable(),
  baseURL: z.string(),
  baseModel: z.string(),
  suffix: z.string(),
  epochs: z.number().int(),
  status: FineTuneStatusSchema,
  /** `ft:…` once it succeeded. */
  fineTunedModel: z.string().nullable(),
  /** The provider's or Penpal's words when it failed. */
  error: z.string().nullable(),
  losses: z.array(LossPointSchema),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type FineTuneJob = z.infer<typeof FineTuneJobSchema>;
