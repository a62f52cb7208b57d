import { useSyncExternalStore } from 'react';
import type { Conversation } from '../../shared/schemas';
import { call, onEvent } from '../bridge/api';
import { toError } from '../chat/errorText';
import { getNavigation, openConversation } from './navigation';

/** The three lists the sidebar can show. */
export type LibraryView = 'active' | 'archived' | 'trash';

/** One cached list of conversations. */
export interface ViewState {
  items: Conversation[];
  /** False until the first answer arrives. */
  loaded: boolean;
  /** Why the last fetch failed (shown through `errorText`), or null if it did not. */
  error: Error | null;
}

/**
 * A short notice; `undo` ones carry the conversation to restore, `undoMessage` ones the deleted
 * message (in `conversationId`'s place: `messageId`), `error` ones the failure to explain.
 */
export interface LibraryToast {
  id: number;
  kind: 'undo' | 'undoMessage' | 'error';
  /** For `error`: the failure's own (untranslated) message; empty otherwise. */
  text: string;
  /** For `error`: the failure, translated by code when shown. */
  error?: Error;
  conversationId: string | null;
  /** For `undoMessage`: the message whose deletion Undo reverts. */
  messageId?: string;
}

/** Everything the library store holds. */
export interface LibraryState {
  views: Record<LibraryView, ViewState>;
  toast: LibraryToast | null;
}

/** How long the "moved to Trash · Undo" toast stays. */
export const UNDO_TOAST_MS = 8000;
const REFETCH_DELAY_MS = 50;
const VIEWS: LibraryView[] = ['active', 'archived', 'trash'];

const emptyView: ViewState = { items: [], loaded: false, error: null };
let state: LibraryState = {
  views: { active: emptyView, archived: emptyView, trash: emptyView },
  toast: null,
};
const listeners = new Set<() => void>();
/**
 * Views asked for and not released since; only these are refetched on change events. A view is
 * released when the last component showing it unsubscribes (see `subscribeTo`).
 */
const wanted = new Set<LibraryView>();
/** How many mounted components show each view. */
const viewers: Record<LibraryView, number> = { active: 0, archived: 0, trash: 0 };
let unsubscribeEvents: (() => void) | null = null;
let refetchTimer: ReturnType<typeof setTimeout> | null = null;
let toastTimer: ReturnType<typeof setTimeout> | null = null;
let toastSeq = 0;
const fetchSeq: Record<LibraryView, number> = { active: 0, archived: 0, trash: 0 };

function set(next: LibraryState): void {
  state = next;
  for (const listener of listeners) listener();
}

function setView(view: LibraryView, patch: Partial<ViewState>): void {
  set({ ...state, views: { ...state.views, [view]: { ...state.views[view], ...patch } } });
}

/** Fetches one view now; a later fetch of the same view wins over an earlier one. */
export async function fetchView(view: LibraryView): Promise<void> {
  const seq = ++fetchSeq[view];
  try {
    const items = await call('conversation.list', { view });
    if (seq === fetchSeq[view]) setView(view, { items, loaded: true, error: null });
  } catch (error) {
    if (seq === fetchSeq[view]) setView(view, { loaded: true, error: toError(error) });
  }
}

/** Coalesces bursts of change events (an import, a stream's title) into one fetch per view. */
function scheduleRefetch(): void {
  if (refetchTimer !== null) return;
  refetchTimer = setTimeout(() => {
    refetchTimer = null;
    for (const view of VIEWS) if (wanted.has(view)) void fetchView(view);
  }, REFETCH_DELAY_MS);
}

function ensureEvents(): void {
  if (unsubscribeEvents) return;
  const offLibrary = onEvent('library.changed', scheduleRefetch);
  const offConversation = onEvent('conversation.changed', scheduleRefetch);
  unsubscribeEvents = () => {
    offLibrary();
    offConversation();
  };
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  ensureEvents();
  return () => listeners.delete(listener);
}

/**
 * Subscribes a component that shows `view`: keeps the view wanted while anyone shows it, and
 * releases it with the last one, so a closed Archived or Trash is no longer refetched on every
 * change (it is fetched afresh when shown again). One stable function per view.
 */
const subscribeTo = Object.fromEntries(
  VIEWS.map((view) => [
    view,
    (listener: () => void): (() => void) => {
      viewers[view]++;
      wanted.add(view);
      const unsubscribe = subscribe(listener);
      return () => {
        unsubscribe();
        viewers[view] = Math.max(0, viewers[view] - 1);
        if (viewers[view] === 0) wanted.delete(view);
      };
    },
  ]),
) as Record<LibraryView, (listener: () => void) => () => void>;

/** Asks for a view to be loaded (once) and kept fresh until released. */
export function requestView(view: LibraryView): void {
  ensureEvents();
  if (wanted.has(view)) return;
  wanted.add(view);
  void fetchView(view);
}

/** The whole library state, outside React. */
export function getLibrary(): LibraryState {
  return state;
}

/** One view of the library; loads it on first use and re-renders when it changes. */
export function useLibraryView(view: LibraryView): ViewState {
  requestView(view);
  return useSyncExternalStore(subscribeTo[view], () => state.views[view]);
}

/** The toast currently shown, if any. */
export function useLibraryToast(): LibraryToast | null {
  return useSyncExternalStore(subscribe, () => state.toast);
}

function showToast(toast: Omit<LibraryToast, 'id'>): void {
  if (toastTimer !== null) clearTimeout(toastTimer);
  set({ ...state, toast: { ...toast, id: ++toastSeq } });
  toastTimer = setTimeout(dismissToast, toast.kind === 'error' ? 6000 : UNDO_TOAST_MS);
}

/** Hides the toast. */
export function dismissToast(): void {
  if (toastTimer !== null) clearTimeout(toastTimer);
  toastTimer = null;
  if (state.toast) set({ ...state, toast: null });
}

/** Shows an error toast (for failures outside the store's own actions, e.g. export). */
export function reportLibraryError(failure: unknown): void {
  const error = toError(failure);
  showToast({ kind: 'error', text: error.message, error, conversationId: null });
}

/** Applies a local edit to every cached view, for an optimistic update. */
function patchEverywhere(id: string, edit: (c: Conversation) => Conversation | null): void {
  const views = { ...state.views };
  for (const view of VIEWS) {
    const items: Conversation[] = [];
    for (const c of views[view].items) {
      const next = c.id === id ? edit(c) : c;
      if (next) items.push(next);
    }
    views[view] = { ...views[view], items };
  }
  set({ ...state, views });
}

/** Runs a contract call after an optimistic edit; on failure, refetches and says why. */
async function mutate<T>(optimistic: (() => void) | null, run: () => Promise<T>): Promise<T | null> {
  optimistic?.();
  try {
    const result = await run();
    scheduleRefetch();
    return result;
  } catch (error) {
    scheduleRefetch();
    reportLibraryError(error);
    return null;
  }
}

/** Puts a conversation just created at the top of the active list, before the refetch confirms it. */
export function noteCreated(conversation: Conversation): void {
  const active = state.views.active;
  if (active.items.some((c) => c.id === conversation.id)) return;
  setView('active', { items: [conversation, ...active.items] });
}

/** Renames a conversation (the title is trimmed; empty titles are refused). */
export async function renameConversation(id: string, title: string): Promise<boolean> {
  const trimmed = title.trim();
  if (!trimmed) return false;
  const done = await mutate(
    () => patchEverywhere(id, (c) => ({ ...c, title: trimmed })),
    () => call('conversation.rename', { id, title: trimmed }),
  );
  return done !== null;
}

/** Pins or unpins a conversation. */
export async function pinConversation(id: string, pinned: boolean): Promise<void> {
  await mutate(
    () => patchEverywhere(id, (c) => ({ ...c, pinned })),
    () => call('conversation.pin', { id, pinned }),
  );
}

/** Archives or unarchives a conversation (it leaves the list it is in at once). */
export async function archiveConversation(id: string, archived: boolean): Promise<void> {
  await mutate(
    () => patchEverywhere(id, (c) => (c.archived === archived ? c : null)),
    () => call('conversation.archive', { id, archived }),
  );
}

/** Moves a conversation to the Trash and offers Undo for a few seconds. */
export async function deleteConversation(id: string): Promise<void> {
  const wasOpen = getNavigation().conversationId === id;
  const done = await mutate(
    () => patchEverywhere(id, (c) => (c.deletedAt ? c : null)),
    () => call('conversation.delete', { id }),
  );
  if (done === null) return;
  if (wasOpen && getNavigation().conversationId === id) openConversation(null);
  showToast({ kind: 'undo', text: '', conversationId: id });
}

/** Brings a conversation back from the Trash. */
export async function restoreConversation(id: string): Promise<void> {
  await mutate(
    () => patchEverywhere(id, (c) => (c.deletedAt ? null : c)),
    () => call('conversation.restore', { id }),
  );
}

/** After a message was deleted: offers Undo for a few seconds. */
export function offerMessageUndo(conversationId: string, messageId: string): void {
  showToast({ kind: 'undoMessage', text: '', conversationId, messageId });
}

/** The Undo button of the toast: restores the conversation (and reopens it) or the message. */
export async function undoDelete(): Promise<void> {
  const toast = state.toast;
  dismissToast();
  if (toast?.kind === 'undoMessage' && toast.messageId) {
    try {
      await call('message.restore', { id: toast.messageId });
    } catch (error) {
      reportLibraryError(error);
    }
    return;
  }
  if (toast?.kind !== 'undo' || !toast.conversationId) return;
  const id = toast.conversationId;
  await restoreConversation(id);
  if (getNavigation().conversationId === null) openConversation(id);
}

/** Removes everything in the Trash for good; returns how many were removed. */
export async function emptyTrash(): Promise<number | null> {
  const result = await mutate(
    () => setView('trash', { items: [] }),
    () => call('conversation.emptyTrash', {}),
  );
  return result?.removed ?? null;
}

/** Test hook: forgets all cached state, subscriptions and timers. */
export function resetLibraryForTests(): void {
  unsubscribeEvents?.();
  unsubscribeEvents = null;
  if (refetchTimer !== null) clearTimeout(refetchTimer);
  if (toastTimer !== null) clearTimeout(toastTimer);
  refetchTimer = null;
  toastTimer = null;
  wanted.clear();
  for (const view of VIEWS) viewers[view] = 0;
  listeners.clear();
  state = { views: { active: emptyView, archived: emptyView, trash: emptyView }, toast: null };
}
