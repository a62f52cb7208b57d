import { z } from 'zod';
import { ERROR_CODES } from './errors';

/**
 * Wire schemas: plain JSON only (ISO date strings, no Date/Map/class instances), so IPC and the
 * WebSocket behave the same.
 */

/** An id minted by core (UUID or similar); bounded so a hostile renderer cannot send megabytes. */
export const Id = z.string().min(1).max(100);

/** ISO-8601 timestamp string. */
export const IsoDate = z.string().max(40);

export const WireErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  retryAfter: z.number().optional(),
});

/** UI language: follow the system, or a fixed one. */
export const LanguageSchema = z.enum(['system', 'en', 'zh-CN']);
export type Language = z.infer<typeof LanguageSchema>;

/** Everything the user sets except the key, which never leaves main. */
export const SettingsSchema = z.object({
  baseURL: z.string().max(2000),
  model: z.string().max(200),
  temperature: z.number().min(0).max(2),
  topP: z.number().min(0).max(1),
  /** null: let the service decide. */
  maxTokens: z.number().int().min(1).max(1_000_000).nullable(),
  systemPrompt: z.string().max(100_000),
  language: LanguageSchema,
  /** Whether the model proposes a title after the first exchange. */
  autoTitle: z.boolean(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** What the renderer may know of the key: whether it is there and its last four characters. */
export const KeyStatusSchema = z.object({
  configured: z.boolean(),
  last4: z.string().nullable(),
  /** Where the key lives now: the OS keychain, this session's memory, or the browser host's cipher. */
  storage: z.enum(['keychain', 'session', 'host', 'none']),
  /** False when the OS offers no real encryption (Linux `basic_text`): the key can be kept for this session only. */
  canPersistSecurely: z.boolean(),
  /** The secret backend's name (e.g. `gnome_libsecret`, `basic_text`, `host`). */
  backend: z.string(),
  /** The only origin (scheme, host, port) the key is sent to; another Base URL needs it typed again. */
  origin: z.string().nullable(),
  /** The user agreed to send the key over plain http to `origin` (a public http address). */
  plainHttpConfirmed: z.boolean(),
  /** The host can ask natively "use my saved key with this new address?" (the app, not the browser host). */
  canConfirmReuse: z.boolean(),
});
export type KeyStatus = z.infer<typeof KeyStatusSchema>;

/**
 * How much of the conversation each turn resends: the last N exchanges, as many recent messages
 * as fit the window (default), or older turns folded into a rolling summary made by the model.
 */
export const MemoryStrategySchema = z.enum(['last_exchanges', 'fit_window', 'summarize']);
export type MemoryStrategy = z.infer<typeof MemoryStrategySchema>;

/** A conversation's memory setting. `exchanges` is used by `last_exchanges` (earlier exchanges kept, not counting the new message). */
export const MemorySettingsSchema = z.object({
  strategy: MemoryStrategySchema,
  exchanges: z.number().int().min(0).max(10_000),
});
export type MemorySettings = z.infer<typeof MemorySettingsSchema>;

/** The memory a new conversation starts with. */
export const DEFAULT_MEMORY: MemorySettings = { strategy: 'fit_window', exchanges: 10 };

export const MessageRoleSchema = z.enum(['system', 'user', 'assistant']);
export type MessageRole = z.infer<typeof MessageRoleSchema>;

/** streaming: arriving now; interrupted: stopped or cut off, text kept; error: failed before any text. */
export const MessageStatusSchema = z.enum(['done', 'streaming', 'interrupted', 'error']);
export type MessageStatus = z.infer<typeof MessageStatusSchema>;

export const UsageSchema = z.object({
  promptTokens: z.number(),
  completionTokens: z.number(),
  totalTokens: z.number(),
});
export type Usage = z.infer<typeof UsageSchema>;

/** One message as shown in a conversation's current branch. */
export const MessageSchema = z.object({
  id: Id,
  conversationId: Id,
  parentId: Id.nullable(),
  role: MessageRoleSchema,
  content: z.string(),
  status: MessageStatusSchema,
  error: WireErrorSchema.nullable(),
  model: z.string().nullable(),
  usage: UsageSchema.nullable(),
  createdAt: IsoDate,
  /** Characters cut because the message was over Penpal's size limit (0: complete). */
  truncatedChars: z.number().int().min(0),
  /** A "clear context here" divider follows this message: it and everything before are not sent. */
  contextBreak: z.boolean(),
  /** For an answer: the request it was made from is recorded (the inspector can show it). */
  contextRecorded: z.boolean(),
  /** For an answer: earlier messages dropped and retried after the service said the context was too long. */
  droppedToFit: z.number().int().min(0),
  /** For an answer: what it cost in US dollars (its usage at the model's price then); null when no price was known. */
  cost: z.number().nullable(),
  /**
   * Length of the whole text in UTF-16 code units. A conversation page carries only the head of a
   * very long message (`MESSAGE_HEAD_CHARS`); `content` is complete when
   * `content.length === contentLength`, and `message.text` reads the rest.
   */
  contentLength: z.number().int().min(0),
  /** Ids of this message and its alternative versions (same parent, same role), oldest first. */
  siblingIds: z.array(Id),
});
export type Message = z.infer<typeof MessageSchema>;

export const ConversationSchema = z.object({
  id: Id,
  title: z.string(),
  createdAt: IsoDate,
  /** Time of the latest activity; the sidebar sorts by it. */
  updatedAt: IsoDate,
  pinned: z.boolean(),
  archived: z.boolean(),
  /** Set when the conversation is in the Trash. */
  deletedAt: IsoDate.nullable(),
  messageCount: z.number().int(),
  /** The system prompt this conversation sends (imported custom instructions, or empty for the default). */
  systemPrompt: z.string(),
  /** The persona this conversation talks with; null for the app's default settings. */
  personaId: Id.nullable(),
  memory: MemorySettingsSchema,
  /**
   * The saved provider this conversation answers with (v8); null or absent: the provider in use.
   * A provider removed since then also means the one in use, until it is added again.
   */
  providerId: z.string().min(1).max(100).nullable().optional(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/** A conversation with the messages of the branch currently shown, root first. */
export const ConversationViewSchema = z.object({
  conversation: ConversationSchema,
  messages: z.array(MessageSchema),
});
export type ConversationView = z.infer<typeof ConversationViewSchema>;

/**
 * A page of the shown branch: `messages` are a contiguous run of it (root first), starting at
 * `startIndex`; a long conversation is opened at its tail and paged with `conversation.get`.
 */
export const ConversationPageSchema = ConversationViewSchema.extend({
  /** Position of the first message of the page in the branch (0: the root). */
  startIndex: z.number().int().min(0),
  /** Messages of the whole shown branch. */
  totalCount: z.number().int().min(0),
  /** Older messages of the branch exist before this page. */
  hasMoreBefore: z.boolean(),
  /** Newer messages of the branch exist after this page (only for `before`/`around` pages). */
  hasMoreAfter: z.boolean(),
});
export type ConversationPage = z.infer<typeof ConversationPageSchema>;

/** A piece of a search snippet; `match` pieces are the words that matched (rendered as <mark>, never as HTML). */
export const SnippetPartSchema = z.object({ text: z.string(), match: z.boolean() });
export type SnippetPart = z.infer<typeof SnippetPartSchema>;

export const SearchHitSchema = z.object({
  conversationId: Id,
  /** null when the title matched. */
  messageId: Id.nullable(),
  title: z.string(),
  snippet: z.array(SnippetPartSchema),
  createdAt: IsoDate,
});
export type SearchHit = z.infer<typeof SearchHitSchema>;

/** A conversation whose text an import cut to Penpal's size limits (`shared/limits.ts`). */
export const TruncatedItemSchema = z.object({
  /** The conversation's title in quotes. */
  item: z.string(),
  /** How many of its messages were cut (each records its own `truncatedChars`). */
  messages: z.number().int().min(0),
  /** Characters cut in all, messages and system prompt together. */
  chars: z.number().int().min(0),
  /** Whether its system prompt (imported custom instructions) was cut too. */
  systemPrompt: z.boolean(),
});
export type TruncatedItem = z.infer<typeof TruncatedItemSchema>;

/** What an import did: nothing is skipped or cut silently. */
export const ImportReportSchema = z.object({
  source: z.enum(['chatgpt', 'penpal-backup']),
  conversationsAdded: z.number().int(),
  messagesAdded: z.number().int(),
  duplicatesSkipped: z.number().int(),
  skipped: z.array(z.object({ item: z.string(), reason: z.string() })),
  /** Conversations imported with some text cut to the size limits. */
  truncated: z.array(TruncatedItemSchema),
  addedTitles: z.array(z.string()),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** A file produced for the user to save. */
export const ExportFileSchema = z.object({
  filename: z.string(),
  mimeType: z.string(),
  content: z.string(),
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
