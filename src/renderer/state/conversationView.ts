import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationPage, Message } from '../../shared/schemas';
import { call, onEvent } from '../bridge/api';
import { streams } from './streamStore';

/**
 * How the messages shown came to be: the list uses it to decide where to scroll. `tail`: the
 * newest messages (open, refetch, "Jump to latest"); `older`/`newer`: a page added above/below;
 * `around`: a search jump to `anchorId`; `replace`: what delete or switch version returned.
 */
export type LoadKind = 'tail' | 'older' | 'newer' | 'around' | 'replace';

/** One open conversation as the chat view needs it. */
export interface ConversationViewState {
  /** The loaded run of the shown branch; null until the first fetch for this id answers. */
  view: ConversationPage | null;
  /** Ids of the loaded messages stored as streaming. */
  streamingIds: ReadonlySet<string>;
  kind: LoadKind;
  /** The message an `around` load was for (a search jump), until another load. */
  anchorId: string | null;
  /** The error of the last failed fetch, if any. */
  error: unknown;
  /** Fetches the conversation again (coalesced with other pending refetches). */
  refetch: () => void;
  /** Loads the tail of the branch (after sending, or "Jump to latest"). */
  showLatest: () => void;
  /** Adds the page before the first loaded message, if there is one and none is loading. */
  loadOlder: () => void;
  /** Adds the page after the last loaded message, if there is one and none is loading. */
  loadNewer: () => void;
  /** Replaces the shown view with one a method returned (message.delete, message.switchVersion). */
  replace: (view: ConversationPage) => void;
}

interface Loaded {
  id: string;
  view: ConversationPage | null;
  streamingIds: ReadonlySet<string>;
  kind: LoadKind;
  anchorId: string | null;
  error: unknown;
}

const REFETCH_DELAY_MS = 30;
/** Messages fetched per page while scrolling. */
const PAGE_SIZE = 80;
/** The most messages a refetch of a window asks for at once. */
const MAX_REFRESH = 1000;
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * Drops streamed text the stored messages now hold in full. A finished answer the page carries
 * only the head of (`contentLength` longer) keeps its streamed text: it is the whole answer, and
 * dropping it would shrink what is shown back to the head.
 */
function settleStreams(messages: readonly Message[]): void {
  for (const message of messages) {
    const whole = message.content.length === message.contentLength;
    if (message.status !== 'streaming' && whole) streams.forget(message.id);
  }
}

/** The same run with its flags worked out from its position. */
function withMessages(base: ConversationPage, startIndex: number, messages: Message[]): ConversationPage {
  return {
    ...base,
    startIndex,
    messages,
    hasMoreBefore: startIndex > 0,
    hasMoreAfter: startIndex + messages.length < base.totalCount,
  };
}

/**
 * `page` shown in place of the loaded run, keeping the loaded messages above it when the page
 * continues them (same branch): a refetch of the tail or a version switch does not drop what the
 * user scrolled back to, nor move it.
 */
export function mergeKeepingAbove(
  current: ConversationPage | null,
  page: ConversationPage,
): ConversationPage {
  const first = page.messages[0];
  if (!current || !first || current.conversation.id !== page.conversation.id) return page;
  const offset = page.startIndex - current.startIndex;
  if (offset <= 0 || offset >= current.messages.length || current.messages[offset].id !== first.id)
    return page;
  return withMessages(page, current.startIndex, current.messages.slice(0, offset).concat(page.messages));
}

/** The loaded run with an older page above it, or null when the page does not join it. */
export function prependPage(current: ConversationPage, page: ConversationPage): ConversationPage | null {
  const joins =
    page.totalCount === current.totalCount &&
    page.startIndex + page.messages.length === current.startIndex &&
    page.messages.length > 0 &&
    page.messages[page.messages.length - 1].id === current.messages[0]?.parentId;
  return joins ? withMessages(page, page.startIndex, page.messages.concat(current.messages)) : null;
}

/** The loaded run with a newer page below it, or null when the page does not join it. */
export function appendPage(current: ConversationPage, page: ConversationPage): ConversationPage | null {
  const joins =
    page.totalCount === current.totalCount &&
    page.startIndex === current.startIndex + current.messages.length &&
    page.messages.length > 0 &&
    page.messages[0].parentId === current.messages.at(-1)?.id;
  return joins ? withMessages(page, current.startIndex, current.messages.concat(page.messages)) : null;
}

function streamingOf(messages: readonly Message[]): ReadonlySet<string> {
  let ids: Set<string> | null = null;
  for (const message of messages) if (message.status === 'streaming') (ids ??= new Set()).add(message.id);
  return ids ?? NO_IDS;
}

/**
 * Loads a conversation page by page with `conversation.get`: the tail first (or the page around a
 * search hit), older and newer pages as the user scrolls. Kept fresh: refetched after
 * `conversation.changed` and `chat.done` for it. A later full load always wins over an earlier
 * one, and what was loaded for another id is never shown.
 */
export function useConversationView(
  id: string | null,
  focusMessageId: string | null = null,
): ConversationViewState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // The state as last committed, for callbacks that build on it outside a render.
  const latest = useRef<Loaded | null>(null);
  const seq = useRef(0);
  const paging = useRef({ older: false, newer: false });
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const openedFor = useRef<string | null>(null);

  const commit = useCallback((next: Loaded) => {
    latest.current = next;
    setLoaded(next);
  }, []);
  const currentFor = (target: string): ConversationPage | null =>
    latest.current?.id === target ? latest.current.view : null;

  const load = useCallback(
    async (target: string, query: { limit?: number; around?: string }, kind: LoadKind) => {
      const mine = ++seq.current;
      try {
        const page = await call('conversation.get', { id: target, ...query });
        if (mine !== seq.current) return;
        settleStreams(page.messages);
        const view = kind === 'around' ? page : mergeKeepingAbove(currentFor(target), page);
        const anchorId = kind === 'around' ? (query.around ?? null) : null;
        commit({ id: target, view, streamingIds: streamingOf(view.messages), kind, anchorId, error: null });
      } catch (error) {
        if (mine !== seq.current) return;
        const current = latest.current?.id === target ? latest.current : null;
        commit({
          id: target,
          view: current?.view ?? null,
          streamingIds: current?.streamingIds ?? NO_IDS,
          kind: current?.kind ?? 'tail',
          anchorId: current?.anchorId ?? null,
          error,
        });
      }
    },
    [commit],
  );

  const refresh = useCallback(
    (target: string) => {
      const current = currentFor(target);
      // A window away from the tail (after a search jump) is refreshed in place, not left.
      if (current?.hasMoreAfter && current.messages.length > 0) {
        const middle = current.messages[Math.floor(current.messages.length / 2)].id;
        void load(
          target,
          { around: middle, limit: Math.min(MAX_REFRESH, current.messages.length) },
          'replace',
        );
      } else void load(target, {}, 'tail');
    },
    [load],
  );

  const refetch = useCallback(() => {
    if (!id || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      refresh(id);
    }, REFETCH_DELAY_MS);
  }, [id, refresh]);

  const showLatest = useCallback(() => {
    if (id) void load(id, {}, 'tail');
  }, [id, load]);

  const loadPage = useCallback(
    async (direction: 'older' | 'newer') => {
      const current = id ? currentFor(id) : null;
      const edge = direction === 'older' ? current?.messages[0] : current?.messages.at(-1);
      const more = direction === 'older' ? current?.hasMoreBefore : current?.hasMoreAfter;
      if (!id || !edge || !more || paging.current[direction]) return;
      paging.current[direction] = true;
      const target = id;
      const query = direction === 'older' ? { before: edge.id } : { after: edge.id };
      try {
        const page = await call('conversation.get', { id: target, limit: PAGE_SIZE, ...query });
        const now = latest.current;
        if (now?.id !== target || !now.view) return;
        settleStreams(page.messages);
        const view = direction === 'older' ? prependPage(now.view, page) : appendPage(now.view, page);
        // The branch changed under the loaded run: show it afresh.
        if (!view) return refresh(target);
        commit({ ...now, view, streamingIds: streamingOf(view.messages), kind: direction, error: null });
      } catch {
        // Scrolling there again retries.
      } finally {
        paging.current[direction] = false;
      }
    },
    [id, commit, refresh],
  );
  const loadOlder = useCallback(() => void loadPage('older'), [loadPage]);
  const loadNewer = useCallback(() => void loadPage('newer'), [loadPage]);

  const replace = useCallback(
    (page: ConversationPage) => {
      seq.current++;
      settleStreams(page.messages);
      const view = mergeKeepingAbove(currentFor(page.conversation.id), page);
      commit({
        id: page.conversation.id,
        view,
        streamingIds: streamingOf(view.messages),
        kind: 'replace',
        anchorId: null,
        error: null,
      });
    },
    [commit],
  );

  useEffect(() => {
    if (!id) return;
    const sequence = seq;
    const offChanged = onEvent('conversation.changed', (payload) => payload.id === id && refetch());
    const offDone = onEvent('chat.done', (payload) => payload.conversationId === id && refetch());
    return () => {
      // Answers still in flight for this id must not land after it was left.
      sequence.current++;
      openedFor.current = null;
      paging.current = { older: false, newer: false };
      offChanged();
      offDone();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [id, refetch]);

  // Opening loads the tail, a search jump the page around the hit; the focus being cleared once
  // shown loads nothing.
  useEffect(() => {
    if (!id) return;
    if (focusMessageId) void load(id, { around: focusMessageId }, 'around');
    else if (openedFor.current !== id) void load(id, {}, 'tail');
    openedFor.current = id;
  }, [id, focusMessageId, load]);

  const current = loaded && loaded.id === id ? loaded : null;
  return {
    view: current?.view ?? null,
    streamingIds: current?.streamingIds ?? NO_IDS,
    kind: current?.kind ?? 'tail',
    anchorId: current?.anchorId ?? null,
    error: current?.error ?? null,
    refetch,
    showLatest,
    loadOlder,
    loadNewer,
    replace,
  };
}
