import { z } from 'zod';
import {
  ConversationSchema,
  ConversationPageSchema,
  ExportFileSchema,
  Id,
  ImportReportSchema,
  KeyStatusSchema,
  MessageStatusSchema,
  SearchHitSchema,
  SettingsSchema,
  UsageSchema,
  WireErrorSchema,
} from './schemas';

/**
 * The one contract between the renderer and main. Every request is `{input, output}` and every
 * event a payload schema; main, the preload, the browser host and the renderer all derive their
 * types from here. Inputs are validated by the dispatcher where they enter main.
 */

const Empty = z.object({}).strict();
const Ok = z.object({ ok: z.literal(true) });
const SendStarted = z.object({ userMessageId: Id.nullable(), assistantMessageId: Id });

export const methods = {
  'app.info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web', 'test']),
      platform: z.string(),
      dataDir: z.string(),
      systemLanguage: z.string(),
      /** Things the user must be told at start, e.g. a damaged database that was set aside. */
      notices: z.array(z.object({ kind: z.string(), message: z.string(), path: z.string() })),
    }),
  },
  'settings.get': {
    input: Empty,
    output: z.object({ settings: SettingsSchema, key: KeyStatusSchema }),
  },
  'settings.update': {
    input: SettingsSchema.partial().strict(),
    output: SettingsSchema,
  },
  'settings.setKey': {
    input: z.object({ key: z.string().min(1).max(1000), persist: z.boolean() }).strict(),
    output: KeyStatusSchema,
  },
  'settings.clearKey': { input: Empty, output: KeyStatusSchema },
  'settings.testConnection': {
    // Unsaved form values may be tested; a missing key means "the saved one".
    input: z
      .object({
        baseURL: z.string().max(2000).optional(),
        key: z.string().max(1000).optional(),
        model: z.string().max(200).optional(),
      })
      .strict(),
    output: z.object({ models: z.array(z.string()), modelFound: z.boolean() }),
  },
  'models.list': { input: Empty, output: z.object({ models: z.array(z.string()) }) },
  /** Opens an https: link in the system browser (the renderer asks the user first). */
  'app.openExternal': { input: z.object({ url: z.string().url().max(4000) }).strict(), output: Ok },

  'conversation.list': {
    input: z.object({ view: z.enum(['active', 'archived', 'trash']).default('active') }).strict(),
    output: z.array(ConversationSchema),
  },
  'conversation.create': {
    input: z.object({ title: z.string().max(500).optional() }).strict(),
    output: ConversationSchema,
  },
  /**
   * A page of the conversation's shown branch: its last `limit` messages, or those just before
   * (`before`) or after (`after`) a message of the branch, or a page containing one (`around`, for
   * a search jump; the tail when the message is in it). An id not on the branch gives the tail.
   */
  'conversation.get': {
    input: z
      .object({
        id: Id,
        limit: z.number().int().min(1).max(1000).optional(),
        before: Id.optional(),
        after: Id.optional(),
        around: Id.optional(),
      })
      .strict(),
    output: ConversationPageSchema,
  },
  'conversation.rename': {
    input: z.object({ id: Id, title: z.string().trim().min(1).max(500) }).strict(),
    output: ConversationSchema,
  },
  'conversation.pin': {
    input: z.object({ id: Id, pinned: z.boolean() }).strict(),
    output: ConversationSchema,
  },
  'conversation.archive': {
    input: z.object({ id: Id, archived: z.boolean() }).strict(),
    output: ConversationSchema,
  },
  /** Moves to the Trash; `conversation.restore` brings it back. */
  'conversation.delete': { input: z.object({ id: Id }).strict(), output: Ok },
  'conversation.restore': { input: z.object({ id: Id }).strict(), output: ConversationSchema },
  'conversation.emptyTrash': { input: Empty, output: z.object({ removed: z.number().int() }) },
  'conversation.export': {
    input: z.object({ id: Id, format: z.enum(['markdown', 'json']) }).strict(),
    output: ExportFileSchema,
  },

  /** Removes one message (and the answers that hang from it) from the shown branch. */
  'message.delete': { input: z.object({ id: Id }).strict(), output: ConversationPageSchema },
  /** Undoes `message.delete`: the message and what was deleted with it come back, and are shown. */
  'message.restore': { input: z.object({ id: Id }).strict(), output: ConversationPageSchema },
  /** Shows this version of a message; the conversation continues from it. */
  'message.switchVersion': { input: z.object({ id: Id }).strict(), output: ConversationPageSchema },

  /** Appends a user message and streams the answer (events `chat.delta`, `chat.done`). */
  'chat.send': {
    input: z.object({ conversationId: Id, content: z.string().trim().min(1).max(1_000_000) }).strict(),
    output: SendStarted,
  },
  /** Creates a new version of a user message and streams a new answer to it. */
  'chat.edit': {
    input: z.object({ messageId: Id, content: z.string().trim().min(1).max(1_000_000) }).strict(),
    output: SendStarted,
  },
  /** Creates a new version of an assistant message (also "Retry" after an error). */
  'chat.regenerate': { input: z.object({ messageId: Id }).strict(), output: SendStarted },
  /** Aborts the stream at once; what arrived is kept and marked interrupted. */
  'chat.stop': { input: z.object({ messageId: Id }).strict(), output: Ok },

  'search.query': {
    input: z
      .object({
        query: z.string().max(500),
        titlesOnly: z.boolean().default(false),
        from: z.string().max(40).optional(),
        to: z.string().max(40).optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.array(SearchHitSchema),
  },

  'library.exportAll': { input: Empty, output: ExportFileSchema },
  /** Imports a ChatGPT export (zip or JSON) or a Penpal backup; merges, never overwrites. */
  'library.import': {
    input: z
      .object({
        files: z
          .array(z.object({ name: z.string().max(1000), base64: z.string().max(200_000_000) }))
          .min(1)
          .max(100),
      })
      .strict(),
    output: ImportReportSchema,
  },
} as const;

export const events = {
  /** A piece of a streaming answer (never the accumulated text). */
  'chat.delta': z.object({ conversationId: Id, messageId: Id, delta: z.string() }),
  /** A stream ended: done, interrupted (stopped or cut off) or error. */
  'chat.done': z.object({
    conversationId: Id,
    messageId: Id,
    status: MessageStatusSchema,
    error: WireErrorSchema.nullable(),
    usage: UsageSchema.nullable(),
  }),
  /** A conversation's metadata or messages changed; refetch it. */
  'conversation.changed': z.object({ id: Id }),
  /** The list of conversations changed (created, deleted, imported…). */
  'library.changed': z.object({}),
  'settings.changed': z.object({}),
  'import.progress': z.object({
    phase: z.enum(['reading', 'parsing', 'saving']),
    done: z.number(),
    total: z.number(),
  }),
} as const;

/** Every request method name. */
export type Method = keyof typeof methods;
/** Every event name. */
export type EventName = keyof typeof events;
/** The input a caller passes (defaults optional). */
export type Input<M extends Method> = z.input<(typeof methods)[M]['input']>;
/** The input a handler receives after validation (defaults applied). */
export type ParsedInput<M extends Method> = z.output<(typeof methods)[M]['input']>;
/** What a method resolves to. */
export type Output<M extends Method> = z.output<(typeof methods)[M]['output']>;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** One event as it travels: name plus payload. */
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from './channels';

/** Is this string one of the contract's methods? */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
