import { z } from 'zod';
import { JournalDay } from '../journalSchemas';
import { ConversationSchema, Id } from '../schemas';

/** A conversation's younger self: the journal period it talks with, and its period summary. */
export const YoungerSelfSchema = z.object({
  conversationId: Id,
  journalId: Id,
  from: JournalDay,
  to: JournalDay,
  name: z.string(),
  language: z.enum(['en', 'zh']),
  /** The user agreed to send every entry of the period when it fits the budget. */
  agreedWhole: z.boolean(),
  /** The period summary, month by month (null until made). */
  summary: z.string().nullable(),
  summaryEdited: z.boolean(),
  /** The endpoint's `/v1/embeddings` model retrieval also ranks by; null: off (the default). */
  embeddingModel: z.string().nullable(),
  /** The last time the model made the summary: when, from how many entries, sent to which origin. */
  summaryMade: z.object({ at: z.string(), entries: z.number().int(), sentTo: z.string() }).nullable(),
  /** Entries of the period embedded with `embeddingModel` (each was sent to `/v1/embeddings`). */
  embeddedEntries: z.number().int(),
});
export type YoungerSelf = z.infer<typeof YoungerSelfSchema>;

/** A diary entry an answer was sent with. */
export const AnswerSourceSchema = z.object({ entryId: Id, date: JournalDay, title: z.string().nullable() });
export type AnswerSource = z.infer<typeof AnswerSourceSchema>;

/**
 * "Talk with my younger self": a conversation with the writer of a journal period. Its prompt and
 * diary excerpts are built by the one context builder at every turn (`chat.previewContext` shows
 * them); only entries dated inside the period and not excluded are ever sent.
 */
export const youngerSelfMethods = {
  /** Starts a conversation for a period: a date range, or an age (from the journal's birth year). */
  'youngerSelf.start': {
    input: z
      .object({
        journalId: Id,
        from: JournalDay.optional(),
        to: JournalDay.optional(),
        age: z.number().int().min(0).max(150).optional(),
        name: z.string().trim().max(200).optional(),
        agreedWhole: z.boolean().optional(),
      })
      .strict(),
    output: ConversationSchema,
  },
  /** The conversation's younger self, or null for an ordinary conversation. */
  'youngerSelf.get': {
    input: z.object({ conversationId: Id }).strict(),
    output: YoungerSelfSchema.nullable(),
  },
  /** The entries an answer was sent with, in the order sent (its "Sources"). */
  'youngerSelf.sources': {
    input: z.object({ answerId: Id }).strict(),
    output: z.object({ sources: z.array(AnswerSourceSchema) }),
  },
  /** Replaces the period summary with the user's text (marked edited). */
  'youngerSelf.setSummary': {
    input: z.object({ conversationId: Id, text: z.string().trim().max(200_000) }).strict(),
    output: YoungerSelfSchema,
  },
  /**
   * Makes the period summary with the model (one request per month of the period, then one that
   * combines them) and saves it, replacing the one there; sends the period's entries to the
   * endpoint, so the renderer asks only when the user does.
   */
  'youngerSelf.makeSummary': {
    input: z.object({ conversationId: Id }).strict(),
    output: YoungerSelfSchema,
  },
  /** Stops the period summary being made (nothing is saved); fine when none is. */
  'youngerSelf.stopSummary': {
    input: z.object({ conversationId: Id }).strict(),
    output: z.object({ ok: z.literal(true) }),
  },
  /**
   * Embeddings for better recall, off by default: with a model, the period's entries are embedded
   * (once, cached) and each message is, when it is sent; null turns them off.
   */
  'youngerSelf.setEmbeddings': {
    input: z.object({ conversationId: Id, model: z.string().trim().min(1).max(200).nullable() }).strict(),
    output: YoungerSelfSchema,
  },
  /** The user's choice to send every entry of the period when it fits the budget. */
  'youngerSelf.setAgreedWhole': {
    input: z.object({ conversationId: Id, agreed: z.boolean() }).strict(),
    output: YoungerSelfSchema,
  },
} as const;

/** Events of younger-self conversations. */
export const youngerSelfEvents = {
  /** The period summary being made: `done` of `total` model calls. */
  'youngerSelf.summaryProgress': z.object({
    conversationId: Id,
    done: z.number().int().min(0),
    total: z.number().int().min(0),
  }),
} as const;
