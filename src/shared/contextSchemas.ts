import { z } from 'zod';
import { Id, IsoDate, MemorySettingsSchema, MessageRoleSchema } from './schemas';

export { DEFAULT_MEMORY, MemorySettingsSchema, MemoryStrategySchema } from './schemas';
export type { MemorySettings, MemoryStrategy } from './schemas';

/**
 * Wire schemas of what the model sees: memory strategies, the context a turn sends, the model
 * table (windows and prices), usage, and personas. Every enum here is declared once and imported
 * by core and the renderer alike.
 */

/** How the request is shaped: chat messages (default), or one prompt text for `/v1/completions` base models. */
export const PromptFormatSchema = z.enum(['chat', 'completion']);
export type PromptFormat = z.infer<typeof PromptFormatSchema>;

/** Where a part of the request comes from. */
export const ContextPartKindSchema = z.enum(['system', 'example', 'summary', 'history', 'draft', 'excerpt']);
export type ContextPartKind = z.infer<typeof ContextPartKindSchema>;

/** Why a message of the branch was not sent. */
export const LeftOutReasonSchema = z.enum([
  /** Older than the last N exchanges. */
  'older_than_exchanges',
  /** Did not fit the window's budget. */
  'over_budget',
  /** Folded into the summary (which is sent instead). */
  'summarized',
  /** Before a "clear context here" divider. */
  'before_break',
  /** A failed answer with no text. */
  'failed',
  /** Dropped after the service answered context_length_exceeded. */
  'trimmed_after_error',
]);
export type LeftOutReason = z.infer<typeof LeftOutReasonSchema>;

/**
 * How tokens were counted: exactly with the model's encoding, with the model's own tokenizer
 * (`model`: a model on this computer, counted by its GGUF vocabulary), or an estimate.
 */
export const TokenCountingSchema = z.object({
  encoding: z.enum(['o200k_base', 'cl100k_base', 'estimate', 'model']),
  /** True when the counts are an estimate (a model behind another endpoint whose tokenizer is unknown). */
  estimated: z.boolean(),
  /** Tokens the chat format adds to every message, and once to prime the reply. */
  perMessage: z.number().int().min(0),
  perRequest: z.number().int().min(0),
});
export type TokenCounting = z.infer<typeof TokenCountingSchema>;

/** One message of the request, exactly as sent, with its token count. */
export const ContextPartSchema = z.object({
  kind: ContextPartKindSchema,
  role: MessageRoleSchema,
  content: z.string(),
  tokens: z.number().int().min(0),
  /** The stored message it came from (history and draft have one once saved). */
  messageId: Id.nullable(),
  /** An `excerpt`'s diary entry: what the answer's "Sources" list shows. */
  entry: z
    .object({ id: Id, date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), title: z.string().nullable() })
    .optional(),
});
export type ContextPart = z.infer<typeof ContextPartSchema>;

/** Prices in US dollars per million tokens. */
export const PriceSchema = z.object({
  input: z.number().min(0).max(100_000),
  output: z.number().min(0).max(100_000),
  cachedInput: z.number().min(0).max(100_000).nullable(),
});
export type Price = z.infer<typeof PriceSchema>;

/**
 * The request of one turn, as built by core's one context builder: what the inspector shows is,
 * byte for byte, what is (or was) sent.
 */
export const ContextPreviewSchema = z.object({
  conversationId: Id,
  /** The answer this request produced; null for a preview of the next turn. */
  answerId: Id.nullable(),
  model: z.string(),
  promptFormat: PromptFormatSchema,
  memory: MemorySettingsSchema,
  /** The messages sent (chat format), in order. */
  parts: z.array(ContextPartSchema),
  /** For `completion` format: the one prompt text sent; null for chat. */
  prompt: z.string().nullable(),
  /** Stop sequences sent. */
  stop: z.array(z.string()),
  /** Messages of the branch not sent, oldest first. */
  leftOut: z.array(z.object({ messageId: Id, reason: LeftOutReasonSchema, tokens: z.number().int() })),
  /** The summary sent (or that would be), with the last message it folds in. */
  summary: z
    .object({
      id: Id,
      text: z.string(),
      throughMessageId: Id,
      version: z.number().int(),
      edited: z.boolean(),
    })
    .nullable(),
  counting: TokenCountingSchema,
  /** Tokens of the whole request; `draftTokens` is the part the composer's draft adds. */
  totalTokens: z.number().int().min(0),
  draftTokens: z.number().int().min(0),
  /** The model's window and the output reserved in it. */
  contextWindow: z.number().int().min(1),
  maxOutput: z.number().int().min(1),
  /** What history may use: window − max output − fixed parts − margin. */
  historyBudget: z.number().int(),
  /** Estimated input cost in US dollars (null: no price known). */
  estimatedInputCost: z.number().nullable(),
  /** Plain notices: fallbacks taken (e.g. "the system prompt alone exceeds the window"). */
  warnings: z.array(z.object({ code: z.string(), message: z.string() })),
});
export type ContextPreview = z.infer<typeof ContextPreviewSchema>;

/** Where a model's figures come from. */
export const ModelInfoSourceSchema = z.enum(['builtin', 'server', 'user']);

/** A model's window, output limit and price, as the model table holds them. */
export const ModelInfoSchema = z.object({
  id: z.string().min(1).max(200),
  contextWindow: z.number().int().min(1).max(100_000_000),
  maxOutput: z.number().int().min(1).max(100_000_000),
  price: PriceSchema.nullable(),
  source: ModelInfoSourceSchema,
});
export type ModelInfo = z.infer<typeof ModelInfoSchema>;

/** Tokens and cost of one answer, or a total. */
export const UsageTotalSchema = z.object({
  promptTokens: z.number().int().min(0),
  completionTokens: z.number().int().min(0),
  /** US dollars; null when no price was known for any of it. */
  cost: z.number().nullable(),
  /** How many answers it sums. */
  answers: z.number().int().min(0),
});
export type UsageTotal = z.infer<typeof UsageTotalSchema>;

/** One few-shot example: a question and the answer the persona would give. */
export const PersonaExampleSchema = z.object({
  user: z.string().max(20_000),
  assistant: z.string().max(20_000),
});

/** For base models at `/v1/completions`: the instruction and the speaker labels (also the stop sequences). */
export const CompletionTemplateSchema = z.object({
  instruction: z.string().max(20_000),
  userLabel: z.string().min(1).max(40),
  assistantLabel: z.string().min(1).max(40),
});
export type CompletionTemplate = z.infer<typeof CompletionTemplateSchema>;

/** A persona's editable fields. Model settings left null follow the app's settings. */
export const PersonaFieldsSchema = z.object({
  name: z.string().trim().min(1).max(200),
  /** An emoji, or an image as a `data:image/…` URL (never fetched from the network). */
  avatar: z.string().max(300_000),
  systemPrompt: z.string().max(100_000),
  examples: z.array(PersonaExampleSchema).max(50),
  /** Sent by the persona as the first message of a new chat; empty for none. */
  openingMessage: z.string().max(20_000),
  model: z.string().max(200).nullable(),
  /** The saved provider a conversation started with this persona uses (absent/null: the one in use). */
  providerId: z.string().min(1).max(100).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable(),
  topP: z.number().min(0).max(1).nullable(),
  maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
  stop: z.array(z.string().min(1).max(100)).max(4),
  presencePenalty: z.number().min(-2).max(2).nullable(),
  frequencyPenalty: z.number().min(-2).max(2).nullable(),
  promptFormat: PromptFormatSchema,
  template: CompletionTemplateSchema.nullable(),
});
export type PersonaFields = z.infer<typeof PersonaFieldsSchema>;

/** A persona as stored. `builtIn` names the built-in it is an editable copy of. */
export const PersonaSchema = PersonaFieldsSchema.extend({
  id: Id,
  builtIn: z.string().max(100).nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Persona = z.infer<typeof PersonaSchema>;
