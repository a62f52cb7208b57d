import type { UsageTotal } from '../../shared/contextSchemas';
import type {
  Conversation,
  ConversationPage,
  MemorySettings,
  MessageRole,
  MessageStatus,
  Usage,
} from '../../shared/schemas';

/** One message of the shown branch as the context builder reads it, newest first. */
export interface TailMessage {
  id: string;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  /** A "clear context here" divider follows this message. */
  contextBreak: boolean;
  /** The cached token count of its text for the encoding asked for; null when not counted yet. */
  tokens: number | null;
}

/** A rolling summary as stored: it folds the branch up to and including `throughMessageId`. */
export interface StoredSummary {
  id: string;
  conversationId: string;
  throughMessageId: string;
  text: string;
  version: number;
  edited: boolean;
  createdAt: string;
}

/** The store functions of the context: the branch tail, token counts, recorded requests, summaries, usage. */
export interface ContextStoreFunctions {
  /**
   * The branch ending at `fromMessageId` (or, when null, at the conversation's shown leaf), newest
   * first, read in growing chunks only as far as the caller iterates. Counts are for `encoding`.
   */
  readBranchTail(
    conversationId: string,
    fromMessageId: string | null,
    encoding: string,
  ): Iterable<TailMessage>;
  /** Caches text token counts of messages for an encoding. */
  saveTokenCounts(encoding: string, counts: readonly { messageId: string; tokens: number }[]): void;
  /** Records the request an answer was made from (and marks the answer `contextRecorded`). */
  saveAnswerContext(messageId: string, context: unknown): void;
  /** The recorded request of an answer, as saved (null when none was recorded). */
  getAnswerContext(messageId: string): unknown;
  /** The text of messages by id (deleted ones too, until purged). */
  messageContents(ids: readonly string[]): Map<string, string>;
  /**
   * Saves what an answer cost, how many messages were dropped to fit after a refusal, and a
   * counted usage (kept only when the service sent none).
   */
  setAnswerAccounting(
    messageId: string,
    figures: { cost?: number | null; droppedToFit?: number; usage?: Usage },
  ): void;
  /** Sets a conversation's memory strategy. */
  setMemory(conversationId: string, memory: MemorySettings): Conversation;
  /** Puts or removes a "clear context here" divider after a message; returns the page around it. */
  setContextBreak(messageId: string, enabled: boolean): ConversationPage;
  /** Every summary of the conversation, newest version first. */
  listSummaries(conversationId: string): StoredSummary[];
  /** Stores a new summary version folding the branch through `throughMessageId`. */
  addSummary(conversationId: string, throughMessageId: string, text: string): StoredSummary;
  /** Replaces a summary's text (a new version, marked edited). */
  editSummary(summaryId: string, text: string): StoredSummary;
  /** Tokens and cost of a conversation's answers. */
  conversationUsage(conversationId: string): UsageTotal;
  /** Tokens and cost per month (local time), newest month first. */
  monthlyUsage(): { month: string; total: UsageTotal }[];
}
