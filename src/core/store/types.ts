import type { PersonaStore } from '../personas/personaStore';
import type { JournalStore } from './journals';
import type { YoungerSelfStore } from '../youngerSelf/chatStore';
import type { ConversationProviderStore } from './conversationProviders';
import type { TrainingStore } from '../fineTuning/trainingStore';
import type { WireError } from '../../shared/errors';
import type { ContextStoreFunctions } from './contextTypes';
import type {
  Conversation,
  ConversationPage,
  ConversationView,
  Message,
  MessageRole,
  MessageStatus,
  SearchHit,
  Usage,
} from '../../shared/schemas';

/** Which conversations a list shows. */
export type ConversationListView = 'active' | 'archived' | 'trash';

/** A message to insert. `createdAt` defaults to now (imports pass their own). */
export interface NewMessage {
  conversationId: string;
  parentId: string | null;
  role: MessageRole;
  content: string;
  status: MessageStatus;
  model?: string | null;
  createdAt?: string;
}

/** Which page of the branch: the tail unless an anchor on the branch is given. */
export interface PageQuery {
  limit?: number;
  /** The page ending just before this message. */
  before?: string;
  /** The page starting just after this message. */
  after?: string;
  /** A page containing this message (the tail when it is in the tail). */
  around?: string;
}

/** Search options, already validated. */
export interface SearchOptions {
  titlesOnly: boolean;
  from?: string;
  to?: string;
  limit: number;
}

/** One conversation as an importer produces it, before it is stored. */
export interface ImportedConversation {
  /**
   * A stable key of the source (e.g. `chatgpt:<conversation id>`, `penpal:<id>`). Importing the
   * same key twice adds nothing the second time.
   */
  sourceKey: string;
  title: string;
  createdAt: string;
  updatedAt: string;
  systemPrompt: string;
  pinned?: boolean;
  archived?: boolean;
  /** Every message of every branch; parents refer to `localId`s within this conversation. */
  messages: ImportedMessage[];
  /** The `localId` of the leaf of the branch to show (the source's current branch). */
  currentLeafLocalId: string | null;
}

/** One message of an imported conversation. */
export interface ImportedMessage {
  localId: string;
  parentLocalId: string | null;
  role: MessageRole;
  content: string;
  createdAt: string;
  model: string | null;
  status?: MessageStatus;
  /** Characters cut to the size limit (absent or 0: complete). */
  truncatedChars?: number;
}

/** What `importConversations` did. */
export interface ImportResult {
  conversationsAdded: number;
  messagesAdded: number;
  duplicatesSkipped: number;
  addedTitles: string[];
}

/** The whole library in Penpal's backup format (version 1). */
export interface BackupData {
  format: 'penpal-backup';
  version: 1;
  exportedAt: string;
  conversations: ImportedConversation[];
}

/**
 * The conversation store: SQLite through `node:sqlite`. Every mutating call is one transaction.
 * Errors are `AppError`s (`not_found`, `storage`, `disk_full`, `read_only`).
 */
export interface ConversationStore extends ContextStoreFunctions {
  createConversation(options?: { title?: string; systemPrompt?: string }): Conversation;
  listConversations(view: ConversationListView): Conversation[];
  getConversation(id: string): Conversation;
  /** The conversation and the messages of its current branch, root first, with version ids. */
  getView(id: string): ConversationView;
  /** A page of the current branch: its tail, or the page before/after/around a message of it. */
  getPage(id: string, query?: PageQuery): ConversationPage;
  renameConversation(id: string, title: string): Conversation;
  setPinned(id: string, pinned: boolean): Conversation;
  setArchived(id: string, archived: boolean): Conversation;
  /** Moves to the Trash (sets deletedAt). */
  trashConversation(id: string): void;
  restoreConversation(id: string): Conversation;
  /**
   * Deletes for good every conversation in the Trash and every deleted message kept for undo;
   * returns how many conversations.
   */
  emptyTrash(): number;

  /** Inserts a message and makes it the conversation's current leaf. */
  addMessage(message: NewMessage): Message;
  /** The whole message (full text, unlike the heads a conversation page carries). */
  getMessage(id: string): Message;
  /**
   * `length` UTF-16 code units of a message's text from `start` (one more rather than end inside
   * a surrogate pair) and the whole text's length.
   */
  getMessageText(id: string, start: number, length: number): { text: string; contentLength: number };
  /** The messages from the root to this one, inclusive: what a model call resends. */
  getPath(messageId: string): Message[];
  /** Replaces a streaming message's text (called throttled while it streams). */
  updateContent(messageId: string, content: string): void;
  /** Sets the final status of a streamed message. */
  finishMessage(
    messageId: string,
    result: {
      status: MessageStatus;
      content: string;
      error: WireError | null;
      usage: Usage | null;
      model?: string | null;
      /** Characters cut because the answer passed the size limit (default 0). */
      truncatedChars?: number;
    },
  ): Message;
  /** Shows this version: the current leaf becomes its newest descendant along the latest versions. */
  switchVersion(messageId: string): ConversationPage;
  /**
   * Hides a message and its descendants (kept for `restoreMessage` until the Trash is emptied or
   * 30 days have passed); the current branch moves to a sibling or the parent.
   */
  deleteMessage(messageId: string): ConversationPage;
  /**
   * Undoes `deleteMessage`: brings back the subtree deleted with this message and shows the branch
   * shown before the delete, or else the restored branch's newest leaf. `not_found` once purged.
   */
  restoreMessage(messageId: string): ConversationPage;
  /** At start: messages a crash left `streaming` become `interrupted`. Returns how many. */
  recoverInterrupted(): number;

  search(query: string, options: SearchOptions): SearchHit[];

  /**
   * Adds conversations in one transaction, skipping `sourceKey`s already imported. Blocks the
   * event loop until done; `busy` while another import runs.
   */
  importConversations(
    conversations: ImportedConversation[],
    onProgress?: (done: number, total: number) => void,
  ): ImportResult;
  /**
   * Same result as `importConversations`, all-or-nothing too, but written in short batches with a
   * turn of the event loop between them (progress after each). Nothing shows until all is written;
   * a failure removes what was staged. `busy` while another import runs.
   */
  importConversationsAsync(
    conversations: ImportedConversation[],
    onProgress?: (done: number, total: number) => void,
  ): Promise<ImportResult>;
  /** Every conversation (not in the Trash) with all its branches, for a backup. */
  exportAll(): BackupData;
  /** One conversation with all its branches. */
  exportConversation(id: string): ImportedConversation;

  /** The persona library, over the same database. */
  personas: PersonaStore;
  /** Imported diaries and their entries, over the same database. */
  journals: JournalStore;
  /** Conversations with a younger self (v7): their journal period, summary and answers' sources. */
  youngerSelf: YoungerSelfStore;
  /** Which saved provider each conversation answers with (v8). */
  providerChoice: ConversationProviderStore;
  /** The fine-tuning training set and jobs. */
  training: TrainingStore;

  close(): void;
}
