import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationView } from '../../shared/schemas';
import { call, onEvent } from '../bridge/api';
import { streams } from './streamStore';

/** One open conversation as the chat view needs it. */
export interface ConversationViewState {
  view: ConversationView | null;
  loading: boolean;
  /** The error of the last failed fetch, if any. */
  error: unknown;
  /** Fetches the conversation again (coalesced with other pending refetches). */
  refetch: () => void;
  /** Replaces the shown view with one a method returned (message.delete, message.switchVersion). */
  replace: (view: ConversationView) => void;
}

const REFETCH_DELAY_MS = 30;

/** Drops streamed text the stored messages now hold in full. */
function settleStreams(view: ConversationView): void {
  for (const message of view.messages) if (message.status !== 'streaming') streams.forget(message.id);
}

/**
 * Loads a conversation with `conversation.get` and keeps it fresh: refetched after
 * `conversation.changed` and `chat.done` for it. A later fetch always wins over an earlier one.
 */
export function useConversationView(id: string | null): ConversationViewState {
  const [view, setView] = useState<ConversationView | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async (target: string) => {
    const mine = ++seq.current;
    try {
      const next = await call('conversation.get', { id: target });
      if (mine !== seq.current) return;
      settleStreams(next);
      setView(next);
      setError(null);
    } catch (failure) {
      if (mine === seq.current) setError(failure);
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, []);

  const refetch = useCallback(() => {
    if (!id || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void load(id);
    }, REFETCH_DELAY_MS);
  }, [id, load]);

  const replace = useCallback((next: ConversationView) => {
    seq.current++;
    settleStreams(next);
    setView(next);
  }, []);

  useEffect(() => {
    seq.current++;
    setView(null);
    setError(null);
    if (!id) {
      setLoading(false);
      return;
    }
    setLoading(true);
    void load(id);
    const offChanged = onEvent('conversation.changed', (payload) => payload.id === id && refetch());
    const offDone = onEvent('chat.done', (payload) => payload.conversationId === id && refetch());
    return () => {
      offChanged();
      offDone();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [id, load, refetch]);

  return { view, loading, error, refetch, replace };
}
