import type { DatabaseSync } from 'node:sqlite';
import { createPersonaStore } from '../personas/personaStore';
import { getPath, getView, switchVersion } from './branches';
import { getPage } from './branchPage';
import { createContext, type StoreContext } from './context';
import {
  getAnswerContext,
  messageContents,
  readBranchTail,
  saveAnswerContext,
  saveTokenCounts,
  setAnswerAccounting,
  setContextBreak,
  setMemory,
} from './contextStore';
import {
  createConversation,
  emptyTrash,
  getConversation,
  listConversations,
  renameConversation,
  restoreConversation,
  setArchived,
  setPinned,
  trashConversation,
} from './conversations';
import { flagForCheck, openDatabase, type StoreNotice } from './database';
import { exportAll, exportConversation } from './exportData';
import { createJournalStore } from './journals';
import { createYoungerSelfStore } from '../youngerSelf/chatStore';
import { createConversationProviderStore } from './conversationProviders';
import { createTrainingStore } from '../fineTuning/trainingStore';
import { discardStagedImports, importConversationsAsync } from './importStaging';
import { deleteMessage, purgeDeletedMessages, PURGE_AFTER_DAYS, restoreMessage } from './messageTrash';
import {
  addMessage,
  finishMessage,
  getMessage,
  getMessageText,
  recoverInterrupted,
  updateContent,
} from './messages';
import { search } from './search';
import { addSummary, editSummary, listSummaries } from './summaries';
import { importConversations } from './transfer';
import type { ContextStoreFunctions } from './contextTypes';
import type { ConversationStore } from './types';
import { conversationUsage, monthlyUsage } from './usage';

export type { StoreNotice } from './database';
export type * from './types';

/** What `openConversationStore` needs. */
export interface OpenStoreOptions {
  /** The database file, or `:memory:`. */
  path: string;
  /** The source of timestamps; tests pin it. */
  clock?: { now(): Date };
  /** Opens the library without writing to it: every change fails with `read_only`. */
  readOnly?: boolean;
}

const systemClock = { now: () => new Date() };

/**
 * Opens (creating, migrating or setting aside as needed) the conversation store. `notices` says
 * what the user must be told: a damaged library set aside, or a backup made before an upgrade.
 */
export function openConversationStore(options: OpenStoreOptions): {
  store: ConversationStore;
  notices: StoreNotice[];
} {
  const clock = options.clock ?? systemClock;
  const { db, notices } = openDatabase({ path: options.path, clock, readOnly: options.readOnly });
  // One context for tidying up and for the store: one statement cache, and damage found while
  // tidying up flags the file for a full check like damage found later.
  const ctx = createContext(db, clock, () => flagForCheck(options.path));
  if (!options.readOnly) tidyUp(ctx, clock.now());
  return { store: storeOver(ctx), notices };
}

const DAY_MS = 24 * 60 * 60 * 1000;

// At open no import of this store can be running, so any staged row is what a killed import left.
// Best effort: a library that cannot be written to still opens, and staged rows stay invisible.
function tidyUp(ctx: StoreContext, now: Date): void {
  try {
    discardStagedImports(ctx);
    purgeDeletedMessages(ctx, new Date(now.getTime() - PURGE_AFTER_DAYS * DAY_MS).toISOString());
  } catch {
    // Tried again at the next open.
  }
}

/**
 * The store over a database already opened by `openDatabase` (tests use it to set pragmas first).
 * `onCorrupt` runs when SQLite reports the file damaged.
 */
export function createStore(
  db: DatabaseSync,
  clock: { now(): Date } = systemClock,
  onCorrupt?: () => void,
): ConversationStore {
  return storeOver(createContext(db, clock, onCorrupt));
}

function storeOver(ctx: StoreContext): ConversationStore {
  const { db } = ctx;
  return {
    createConversation: (options) => createConversation(ctx, options),
    listConversations: (view) => listConversations(ctx, view),
    getConversation: (id) => getConversation(ctx, id),
    getView: (id) => getView(ctx, id),
    getPage: (id, query) => getPage(ctx, id, query),
    renameConversation: (id, title) => renameConversation(ctx, id, title),
    setPinned: (id, pinned) => setPinned(ctx, id, pinned),
    setArchived: (id, archived) => setArchived(ctx, id, archived),
    trashConversation: (id) => trashConversation(ctx, id),
    restoreConversation: (id) => restoreConversation(ctx, id),
    emptyTrash: () => emptyTrash(ctx),
    addMessage: (message) => addMessage(ctx, message),
    getMessage: (id) => getMessage(ctx, id),
    getMessageText: (id, start, length) => getMessageText(ctx, id, start, length),
    getPath: (id) => getPath(ctx, id),
    updateContent: (id, content) => updateContent(ctx, id, content),
    finishMessage: (id, result) => finishMessage(ctx, id, result),
    switchVersion: (id) => switchVersion(ctx, id),
    deleteMessage: (id) => deleteMessage(ctx, id),
    restoreMessage: (id) => restoreMessage(ctx, id),
    recoverInterrupted: () => recoverInterrupted(ctx),
    search: (query, options) => search(ctx, query, options),
    importConversations: (list, onProgress) => importConversations(ctx, list, onProgress),
    importConversationsAsync: (list, onProgress) => importConversationsAsync(ctx, list, onProgress),
    exportAll: () => exportAll(ctx),
    exportConversation: (id) => exportConversation(ctx, id),
    ...contextFunctions(ctx),
    personas: createPersonaStore(ctx),
    journals: createJournalStore(ctx),
    youngerSelf: createYoungerSelfStore(ctx),
    providerChoice: createConversationProviderStore(ctx),
    training: createTrainingStore(ctx),
    close: () => {
      // Closing twice (a shutdown path racing another) must not throw.
      if (db.isOpen) db.close();
    },
  };
}

// The context builder's store functions (contextTypes.ts), over the same context.
function contextFunctions(ctx: StoreContext): ContextStoreFunctions {
  return {
    readBranchTail: (id, from, encoding) => readBranchTail(ctx, id, from, encoding),
    saveTokenCounts: (encoding, counts) => saveTokenCounts(ctx, encoding, counts),
    saveAnswerContext: (id, context) => saveAnswerContext(ctx, id, context),
    getAnswerContext: (id) => getAnswerContext(ctx, id),
    messageContents: (ids) => messageContents(ctx, ids),
    setAnswerAccounting: (id, figures) => setAnswerAccounting(ctx, id, figures),
    setMemory: (id, memory) => setMemory(ctx, id, memory),
    setContextBreak: (id, enabled) => setContextBreak(ctx, id, enabled),
    listSummaries: (id) => listSummaries(ctx, id),
    addSummary: (id, through, text) => addSummary(ctx, id, through, text),
    editSummary: (id, text) => editSummary(ctx, id, text),
    conversationUsage: (id) => conversationUsage(ctx, id),
    monthlyUsage: () => monthlyUsage(ctx),
  };
}
