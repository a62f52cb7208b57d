import { z } from 'zod';
import {
  ContextPreviewSchema,
  ModelInfoSchema,
  PersonaFieldsSchema,
  PersonaSchema,
  UsageTotalSchema,
} from '../contextSchemas';
import {
  ConversationPageSchema,
  ConversationSchema,
  ExportFileSchema,
  Id,
  MemorySettingsSchema,
} from '../schemas';
import { Empty, Ok } from './common';

/** A conversation's rolling summary as the inspector shows and edits it. */
const SummarySchema = ContextPreviewSchema.shape.summary.unwrap();

/**
 * What the model sees, made visible and under control: the context of a turn, memory strategies,
 * the model table (windows, prices), usage, and personas.
 */
export const contextMethods = {
  /**
   * The exact request of the next turn as if `draft` were sent now, or (with `answerId`) the
   * request that produced a past answer. Built by the same builder `chat.send` uses.
   */
  'chat.previewContext': {
    input: z
      .object({
        conversationId: Id,
        draft: z.string().max(1_000_000).optional(),
        answerId: Id.optional(),
      })
      .strict(),
    output: ContextPreviewSchema,
  },
  'conversation.setMemory': {
    input: z.object({ id: Id, memory: MemorySettingsSchema }).strict(),
    output: ConversationSchema,
  },
  'conversation.setPersona': {
    input: z.object({ id: Id, personaId: Id.nullable() }).strict(),
    output: ConversationSchema,
  },
  /** Puts (or removes) a "clear context here" divider after a message of the shown branch. */
  'message.setContextBreak': {
    input: z.object({ messageId: Id, enabled: z.boolean() }).strict(),
    output: ConversationPageSchema,
  },
  /** Replaces the text of the conversation's current summary (marked edited). */
  'summary.update': {
    input: z.object({ conversationId: Id, text: z.string().trim().min(1).max(200_000) }).strict(),
    output: SummarySchema,
  },
  /** Makes the summary anew with the model (waits for it); `null` when nothing needs folding yet. */
  'summary.refresh': {
    input: z.object({ conversationId: Id }).strict(),
    output: SummarySchema.nullable(),
  },

  /** The model table: built-in figures, those the server reported, and the user's own. */
  'models.table': { input: Empty, output: z.object({ models: z.array(ModelInfoSchema) }) },
  /** Adds or edits a model's window, max output and price (stored as the user's). */
  'models.setInfo': { input: ModelInfoSchema.omit({ source: true }).strict(), output: ModelInfoSchema },
  /** Forgets the user's figures for a model (back to built-in or server-reported ones). */
  'models.resetInfo': { input: z.object({ id: z.string().min(1).max(200) }).strict(), output: Ok },

  'usage.conversation': { input: z.object({ id: Id }).strict(), output: UsageTotalSchema },
  /** Usage per calendar month (local time of the answers), newest first. */
  'usage.monthly': {
    input: Empty,
    output: z.object({
      months: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), total: UsageTotalSchema })),
    }),
  },

  'persona.list': { input: Empty, output: z.array(PersonaSchema) },
  'persona.create': { input: PersonaFieldsSchema.strict(), output: PersonaSchema },
  'persona.update': {
    input: z.object({ id: Id, fields: PersonaFieldsSchema.partial().strict() }).strict(),
    output: PersonaSchema,
  },
  /** Moves a persona to the Trash; `persona.restore` undoes it. Its conversations keep their text. */
  'persona.delete': { input: z.object({ id: Id }).strict(), output: Ok },
  'persona.restore': { input: z.object({ id: Id }).strict(), output: PersonaSchema },
  /** One persona (or every one, without `id`) as a JSON file. */
  'persona.export': { input: z.object({ id: Id.optional() }).strict(), output: ExportFileSchema },
  /** Adds the personas of a JSON file made by `persona.export`; anything else is refused clearly. */
  'persona.import': {
    input: z.object({ name: z.string().max(1000), text: z.string().max(20_000_000) }).strict(),
    output: z.object({ added: z.array(PersonaSchema) }),
  },
} as const;

/** Context and persona events. */
export const contextEvents = {
  /** Personas were added, changed or removed. */
  'personas.changed': z.object({}),
  /** The model table changed (edited, or filled from a server's model list). */
  'models.changed': z.object({}),
} as const;
