import { z } from 'zod';
import { AppError } from '../../shared/errors';
import { IsoDate, MessageRoleSchema, MessageStatusSchema } from '../../shared/schemas';
import type { BackupData, ImportedConversation, ImportedMessage } from '../store/types';
import { getNumber, isObject, type JsonObject } from './json';
import type { SkippedItem } from './types';

/** The backup format version this build writes and reads. */
const BACKUP_VERSION = 1;

const ImportedMessageSchema = z.object({
  localId: z.string().min(1).max(200),
  parentLocalId: z.string().min(1).max(200).nullable(),
  role: MessageRoleSchema,
  content: z.string(),
  createdAt: IsoDate,
  model: z.string().max(200).nullable(),
  status: MessageStatusSchema.optional(),
  truncatedChars: z.number().int().min(0).optional(),
});

/** One conversation as a backup (or a single-conversation JSON export) stores it. */
const ImportedConversationSchema = z.object({
  sourceKey: z.string().min(1).max(300),
  title: z.string(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  systemPrompt: z.string(),
  pinned: z.boolean().optional(),
  archived: z.boolean().optional(),
  messages: z.array(ImportedMessageSchema),
  currentLeafLocalId: z.string().nullable(),
});

// The envelope is checked first and each conversation on its own, so one damaged conversation
// is reported and skipped instead of failing the whole backup.
const BackupEnvelopeSchema = z.object({
  format: z.literal('penpal-backup'),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDate,
  conversations: z.array(z.unknown()),
});

const ConversationEnvelopeSchema = z.object({
  format: z.literal('penpal-conversation'),
  version: z.literal(BACKUP_VERSION),
  conversation: z.unknown(),
});

/** Whether a parsed JSON value is a Penpal backup or single-conversation export (any version). */
export function isPenpalDocument(value: unknown): value is JsonObject {
  return isObject(value) && (value.format === 'penpal-backup' || value.format === 'penpal-conversation');
}

/**
 * Reads a Penpal backup or single-conversation export. Throws `import_failed` for a newer or
 * damaged file; individual invalid conversations are returned in `skipped`.
 */
export function readPenpalDocument(
  value: JsonObject,
  fileName: string,
): { conversations: ImportedConversation[]; skipped: SkippedItem[] } {
  const version = getNumber(value, 'version');
  if (version !== undefined && version > BACKUP_VERSION) {
    throw new AppError(
      'import_failed',
      `"${fileName}" was made by a newer version of Penpal (backup format ${version}). Update Penpal to import it.`,
    );
  }
  const items: unknown[] = [];
  if (value.format === 'penpal-backup') {
    const envelope = BackupEnvelopeSchema.safeParse(value);
    if (!envelope.success) throw damaged(fileName, envelope.error);
    items.push(...envelope.data.conversations);
  } else {
    const envelope = ConversationEnvelopeSchema.safeParse(value);
    if (!envelope.success) throw damaged(fileName, envelope.error);
    items.push(envelope.data.conversation);
  }

  const conversations: ImportedConversation[] = [];
  const skipped: SkippedItem[] = [];
  items.forEach((item, index) => {
    const parsed = ImportedConversationSchema.safeParse(item);
    const title =
      isObject(item) && typeof item.title === 'string' && item.title
        ? `"${item.title}"`
        : `conversation ${index + 1} in ${fileName}`;
    if (!parsed.success) {
      skipped.push({ item: title, reason: `It is damaged: ${describe(parsed.error)}.` });
      return;
    }
    const ordered = orderParentsFirst(parsed.data);
    if (typeof ordered === 'string') skipped.push({ item: title, reason: `It is damaged: ${ordered}.` });
    else conversations.push(ordered);
  });
  return { conversations, skipped };
}

/** The whole library as Penpal's backup file (pretty-printed JSON). */
export function backupToJson(data: BackupData): string {
  return JSON.stringify(data, null, 2);
}

/** One conversation with all its branches, in a form `parseImportFiles` reads back. */
export function conversationToJson(conversation: ImportedConversation): string {
  return JSON.stringify({ format: 'penpal-conversation', version: BACKUP_VERSION, conversation }, null, 2);
}

/**
 * Checks that ids are unique, parents exist and there is no loop, and puts parents before their
 * children (the store inserts in order; an export sorted by time may list an answer stamped a
 * few milliseconds before its question first). Returns the problem in words, or the ordered list.
 */
function orderParentsFirst(conversation: ImportedConversation): ImportedConversation | string {
  const ids = new Set<string>();
  for (const message of conversation.messages) {
    if (ids.has(message.localId)) return `message id ${message.localId} appears twice`;
    ids.add(message.localId);
  }
  const children = new Map<string | null, ImportedMessage[]>();
  for (const message of conversation.messages) {
    if (message.parentLocalId !== null && !ids.has(message.parentLocalId)) {
      return `message ${message.localId} refers to a parent that does not exist`;
    }
    const list = children.get(message.parentLocalId);
    if (list) list.push(message);
    else children.set(message.parentLocalId, [message]);
  }
  const ordered: ImportedMessage[] = [];
  const stack = [...(children.get(null) ?? [])].reverse();
  while (stack.length > 0) {
    const message = stack.pop() as ImportedMessage;
    ordered.push(message);
    const list = children.get(message.localId) ?? [];
    for (let index = list.length - 1; index >= 0; index--) stack.push(list[index] as ImportedMessage);
  }
  if (ordered.length < conversation.messages.length) return 'its messages refer to each other in a loop';
  const leaf = conversation.currentLeafLocalId;
  if (leaf !== null && !ids.has(leaf)) return `the current message ${leaf} does not exist`;
  const unchanged = ordered.every((message, index) => message === conversation.messages[index]);
  return unchanged ? conversation : { ...conversation, messages: ordered };
}

function damaged(fileName: string, error: z.ZodError): AppError {
  return new AppError('import_failed', `"${fileName}" is not a valid Penpal backup: ${describe(error)}.`);
}

function describe(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'unknown problem';
  const where = issue.path.length > 0 ? issue.path.join('.') : 'file';
  return `${where}: ${issue.message}`;
}
