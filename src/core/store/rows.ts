import type { SQLOutputValue } from 'node:sqlite';
import { MESSAGE_HEAD_CHARS } from '../../shared/limits';
import type { WireError } from '../../shared/errors';
import {
  DEFAULT_MEMORY,
  MemorySettingsSchema,
  type Conversation,
  type MemorySettings,
  type Message,
  type MessageRole,
  type MessageStatus,
  type Usage,
} from '../../shared/schemas';

/** A row as `node:sqlite` returns it. */
export type Row = Record<string, SQLOutputValue>;

/** The columns every conversation query selects, in the shape `toConversation` reads. */
export const CONVERSATION_COLUMNS =
  'seq, id, title, created_at, updated_at, pinned, archived, deleted_at, system_prompt, current_leaf_id, source_key, message_count, persona_id, memory_json, provider_id';

/** The columns every message query selects. */
export const MESSAGE_COLUMNS =
  'seq, id, conversation_id, parent_id, role, content, status, error_json, model, usage_json, created_at, truncated_chars, context_break, context_recorded, dropped_to_fit, cost';

/**
 * The columns a conversation page selects: like MESSAGE_COLUMNS, but only the head of the text
 * (cut by SQLite, so a 2,000,000-character text never reaches JavaScript) and its full length in
 * UTF-16 code units. SQLite's `length` counts code points; a text whose byte length equals its
 * character count is ASCII and needs nothing more, any other long one is counted by
 * `utf16_length` (context.ts). Internal readers that need the whole text use MESSAGE_COLUMNS.
 */
export const PAGE_MESSAGE_COLUMNS = MESSAGE_COLUMNS.replace(
  'content',
  `substr(content, 1, ${MESSAGE_HEAD_CHARS}) AS content,
   CASE WHEN length(content) <= ${MESSAGE_HEAD_CHARS} THEN NULL
        WHEN length(CAST(content AS BLOB)) = length(content) THEN length(content)
        ELSE utf16_length(content) END AS content_length`,
);

/** A conversation row with the store-only columns the wire type leaves out. */
export interface ConversationRecord extends Conversation {
  seq: number;
  currentLeafId: string | null;
  sourceKey: string | null;
}

/** A message row, before sibling ids are worked out. */
export interface MessageRecord extends Omit<Message, 'siblingIds'> {
  seq: number;
}

function text(value: SQLOutputValue | undefined): string {
  return typeof value === 'string' ? value : String(value ?? '');
}

function nullableText(value: SQLOutputValue | undefined): string | null {
  return value === null || value === undefined ? null : text(value);
}

// JSON columns are written only by the store; a damaged one is shown as absent, not thrown on.
function json<T>(value: SQLOutputValue | undefined): T | null {
  if (typeof value !== 'string') return null;
  try {
    return JSON.parse(value) as T;
  } catch {
    return null;
  }
}

// A memory setting that is absent or no longer valid falls back to the default. Most rows hold
// none: they skip the schema, whose failure path (an error with its issues) would cost every
// sidebar list of 10,000 conversations tens of milliseconds.
function memoryOf(value: SQLOutputValue | undefined): MemorySettings {
  if (value === null || value === undefined) return DEFAULT_MEMORY;
  const parsed = MemorySettingsSchema.safeParse(json<unknown>(value));
  return parsed.success ? parsed.data : DEFAULT_MEMORY;
}

/** Reads a conversation row. */
export function toConversationRecord(row: Row): ConversationRecord {
  return {
    seq: Number(row.seq),
    id: text(row.id),
    title: text(row.title),
    createdAt: text(row.created_at),
    updatedAt: text(row.updated_at),
    pinned: Number(row.pinned) === 1,
    archived: Number(row.archived) === 1,
    deletedAt: nullableText(row.deleted_at),
    messageCount: Number(row.message_count),
    systemPrompt: text(row.system_prompt),
    currentLeafId: nullableText(row.current_leaf_id),
    sourceKey: nullableText(row.source_key),
    personaId: nullableText(row.persona_id),
    memory: memoryOf(row.memory_json),
    providerId: nullableText(row.provider_id),
  };
}

/** The wire form of a conversation record (plain JSON, nothing store-only). */
export function toConversation(record: ConversationRecord): Conversation {
  return {
    id: record.id,
    title: record.title,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    pinned: record.pinned,
    archived: record.archived,
    deletedAt: record.deletedAt,
    messageCount: record.messageCount,
    systemPrompt: record.systemPrompt,
    personaId: record.personaId,
    memory: record.memory,
    providerId: record.providerId ?? null,
  };
}

/** Reads a message row. */
export function toMessageRecord(row: Row): MessageRecord {
  return {
    seq: Number(row.seq),
    id: text(row.id),
    conversationId: text(row.conversation_id),
    parentId: nullableText(row.parent_id),
    role: text(row.role) as MessageRole,
    content: text(row.content),
    // NULL (or absent): the row holds the whole text.
    contentLength:
      row.content_length === null || row.content_length === undefined
        ? text(row.content).length
        : Number(row.content_length),
    status: text(row.status) as MessageStatus,
    error: json<WireError>(row.error_json),
    model: nullableText(row.model),
    usage: json<Usage>(row.usage_json),
    createdAt: text(row.created_at),
    truncatedChars: Number(row.truncated_chars ?? 0),
    contextBreak: Number(row.context_break) === 1,
    contextRecorded: Number(row.context_recorded) === 1,
    droppedToFit: Number(row.dropped_to_fit ?? 0),
    cost: typeof row.cost === 'number' && Number.isFinite(row.cost) ? row.cost : null,
  };
}

/** The wire form of a message, given its versions. */
export function toMessage(record: MessageRecord, siblingIds: string[]): Message {
  const { seq: _seq, ...message } = record;
  return { ...message, siblingIds };
}
