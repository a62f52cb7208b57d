import { z } from 'zod';
import {
  ConversationSchema,
  ConversationPageSchema,
  ExportFileSchema,
  Id,
  ImportReportSchema,
  SearchHitSchema,
} from '../schemas';
import {
  MAX_IMPORT_FILE_BASE64_CHARS,
  MAX_MESSAGE_CHARS,
  MAX_MESSAGE_TEXT_CHARS,
  MAX_TITLE_CHARS,
} from '../limits';
import { Empty, Ok } from './common';

const TITLE_TOO_LONG = `A title can be at most ${MAX_TITLE_CHARS} characters long.`;

/** The conversation library: conversations, messages, search, export and import. */
export const libraryMethods = {
  'conversation.list': {
    input: z.object({ view: z.enum(['active', 'archived', 'trash']).default('active') }).strict(),
    output: z.array(ConversationSchema),
  },
  /** A new conversation; with a persona, it starts with the persona's opening message (if any). */
  'conversation.create': {
    input: z
      .object({ title: z.string().max(MAX_TITLE_CHARS, TITLE_TOO_LONG).optional(), personaId: Id.optional() })
      .strict(),
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
    input: z
      .object({ id: Id, title: z.string().trim().min(1).max(MAX_TITLE_CHARS, TITLE_TOO_LONG) })
      .strict(),
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
  /**
   * A piece of a message's text (UTF-16 code units from `start`), for what a conversation page
   * left out of a very long message: "Show more", Copy and Edit. A piece never ends inside a
   * surrogate pair (it then holds one code unit more than asked).
   */
  'message.text': {
    input: z
      .object({
        id: Id,
        start: z.number().int().min(0).max(MAX_MESSAGE_CHARS),
        length: z.number().int().min(1).max(MAX_MESSAGE_TEXT_CHARS),
      })
      .strict(),
    output: z.object({ text: z.string(), contentLength: z.number().int().min(0) }),
  },

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
          .array(
            z.object({ name: z.string().max(1000), base64: z.string().max(MAX_IMPORT_FILE_BASE64_CHARS) }),
          )
          .min(1)
          .max(100),
      })
      .strict(),
    output: ImportReportSchema,
  },
} as const;

/** Library events. */
export const libraryEvents = {
  /** A conversation's metadata or messages changed; refetch it. */
  'conversation.changed': z.object({ id: Id }),
  /** The list of conversations changed (created, deleted, imported…). */
  'library.changed': z.object({}),
  'import.progress': z.object({
    phase: z.enum(['reading', 'parsing', 'saving']),
    done: z.number(),
    total: z.number(),
  }),
} as const;
