import { z } from 'zod';
import { Id, MessageStatusSchema, UsageSchema, WireErrorSchema } from '../schemas';
import { MAX_MESSAGE_CHARS } from '../limits';
import { Ok } from './common';

/** What `chat.send`, `chat.edit` and `chat.regenerate` return at once, before the answer streams. */
const SendStarted = z.object({ userMessageId: Id.nullable(), assistantMessageId: Id });

/** Streaming chat: send, edit and resend, regenerate, stop. */
export const chatMethods = {
  /** Appends a user message and streams the answer (events `chat.delta`, `chat.done`). */
  'chat.send': {
    input: z.object({ conversationId: Id, content: z.string().trim().min(1).max(1_000_000) }).strict(),
    output: SendStarted,
  },
  /**
   * Creates a new version of a user message and streams a new answer to it. Up to the message
   * limit, so that a long imported diary entry can be edited whole.
   */
  'chat.edit': {
    input: z.object({ messageId: Id, content: z.string().trim().min(1).max(MAX_MESSAGE_CHARS) }).strict(),
    output: SendStarted,
  },
  /** Creates a new version of an assistant message (also "Retry" after an error). */
  'chat.regenerate': { input: z.object({ messageId: Id }).strict(), output: SendStarted },
  /** Aborts the stream at once; what arrived is kept and marked interrupted. */
  'chat.stop': { input: z.object({ messageId: Id }).strict(), output: Ok },
} as const;

/** Chat events. */
export const chatEvents = {
  /** A piece of a streaming answer (never the accumulated text). */
  'chat.delta': z.object({ conversationId: Id, messageId: Id, delta: z.string() }),
  /** A stream ended: done, interrupted (stopped or cut off) or error. */
  'chat.done': z.object({
    conversationId: Id,
    messageId: Id,
    status: MessageStatusSchema,
    error: WireErrorSchema.nullable(),
    usage: UsageSchema.nullable(),
    /**
     * Characters cut because the answer passed Penpal's size limit (0: whole). Penpal stops the
     * stream at the limit, so this counts at least what arrived past it; status is `interrupted`.
     */
    truncatedChars: z.number().int().min(0),
  }),
} as const;
