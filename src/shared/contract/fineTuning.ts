import { z } from 'zod';
import {
  DataCheckReportSchema,
  FineTuneJobSchema,
  TrainingExampleSchema,
  TrainingWeightSchema,
} from '../fineTuningSchemas';
import { ExportFileSchema, Id } from '../schemas';
import { Empty, Ok } from './common';

/** The largest CSV or JSONL file "Import pairs" takes, in base64 characters (≈ 24 MB). */
export const TRAINING_IMPORT_MAX_BASE64 = 32_000_000;

/** The model, epochs and validation share that the check, the export and the job share. */
const TrainingOptions = z.object({
  model: z.string().trim().min(1).max(200),
  epochs: z.number().int().min(1).max(50),
});

/** Percent of the examples held out as a validation file (0: none). */
const ValidationPercent = z.number().int().min(0).max(50);

/** The training set's examples, in order. */
const ExampleList = z.object({ examples: z.array(TrainingExampleSchema) });

/**
 * Fine-tuning: build a training set from conversations or imported pairs, check it, export it as
 * JSONL, and train a model of one's own at the provider in use (jobs polled in main).
 */
export const fineTuningMethods = {
  'training.list': { input: Empty, output: ExampleList },
  /** Adds each conversation's shown branch as one example (system prompt from its persona). */
  'training.addConversations': {
    input: z.object({ conversationIds: z.array(Id).min(1).max(1000) }).strict(),
    output: ExampleList.extend({ added: z.number().int() }),
  },
  /** Imports pairs from a CSV (question, answer columns) or lines from a JSONL file. */
  'training.importFile': {
    input: z
      .object({ name: z.string().min(1).max(1000), base64: z.string().max(TRAINING_IMPORT_MAX_BASE64) })
      .strict(),
    output: ExampleList.extend({
      added: z.number().int(),
      /** Rows left out, each with the reason (a CSV row with no question…). */
      skipped: z.array(z.object({ line: z.number().int(), reason: z.string() })),
    }),
  },
  /** Leaves a message out of the example, or marks whether an assistant turn is trained on. */
  'training.updateMessage': {
    input: z
      .object({
        exampleId: Id,
        index: z.number().int().min(0),
        excluded: z.boolean().optional(),
        weight: TrainingWeightSchema.optional(),
      })
      .strict(),
    output: TrainingExampleSchema,
  },
  'training.remove': { input: z.object({ exampleIds: z.array(Id).min(1).max(10_000) }).strict(), output: Ok },
  /** The data check report for the target model (its encoding and limit) and epochs. */
  'training.check': { input: TrainingOptions.strict(), output: DataCheckReportSchema },
  /** The set as JSONL files (`train`, and `validation` when a share is held out). */
  'training.export': {
    input: z.object({ validationPercent: ValidationPercent }).strict(),
    output: z.object({ files: z.array(ExportFileSchema) }),
  },
  /**
   * Uploads the set and starts a job at the provider in use. Refused while the check has errors,
   * or warnings the user did not accept.
   */
  'training.start': {
    input: TrainingOptions.extend({
      suffix: z
        .string()
        .trim()
        .max(40)
        .regex(/^[A-Za-z0-9_-]*$/, 'letters, digits, - and _ only'),
      validationPercent: ValidationPercent,
      acceptWarnings: z.boolean(),
    }).strict(),
    output: FineTuneJobSchema,
  },
  'training.jobs': { input: Empty, output: z.object({ jobs: z.array(FineTuneJobSchema) }) },
  'training.cancel': { input: z.object({ id: Id }).strict(), output: FineTuneJobSchema },
} as const;

/** A job's progress (status, losses, the model once done); the training set changed. */
export const fineTuningEvents = {
  'training.job': FineTuneJobSchema,
  'training.changed': z.object({}),
} as const;
