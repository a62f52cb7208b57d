import { useCallback, useEffect, useRef, useState } from 'react';
import type { ConversationView } from '../../shared/schemas';
import { call, onEvent } from '../bridge/api';
import { streams } from './streamStore';

/** One open conversation as the chat view needs it. */
export interface ConversationViewState {
  /** The conversation with its shown branch; null until the first fetch for this id answers. */
  view: ConversationView | null;
  /** The error of the last failed fetch, if any. */
  error: unknown;
  /** Fetches the conversation again (coalesced with other pending refetches). */
  refetch: () => void;
  /** Replaces the shown view with one a method returned (message.delete, message.switchVersion). */
  replace: (view: ConversationView) => void;
}

interface Loaded {
  id: string;
  view: ConversationView | null;
  error: unknown;
}

const REFETCH_DELAY_MS = 30;

/** Drops streamed text the stored messages now hold in full. */
function settleStreams(view: ConversationView): void {
  for (const message of view.messages) if (message.status !== 'streaming') streams.forget(message.id);
}

/**
 * Loads a conversation with `conversation.get` and keeps it fresh: refetched after
 * `conversation.changed` and `chat.done` for it. A later fetch always wins over an earlier one,
 * and what was loaded for another id is never shown.
 */
export function useConversationView(id: string | null): ConversationViewState {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async (target: string) => {
    const mine = ++seq.current;
    try {
      const view = await call('conversation.get', { id: target });
      if (mine !== seq.current) return;
      settleStreams(view);
      setLoaded({ id: target, view, error: null });
    } catch (error) {
      if (mine === seq.current)
        setLoaded((current) => ({ id: target, view: current?.id === target ? current.view : null, error }));
    }
  }, []);

  const refetch = useCallback(() => {
    if (!id || timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void load(id);
    }, REFETCH_DELAY_MS);
  }, [id, load]);

  const replace = useCallback((view: ConversationView) => {
    seq.current++;
    settleStreams(view);
    setLoaded({ id: view.conversation.id, view, error: null });
  }, []);

  useEffect(() => {
    if (!id) return;
    const sequence = seq;
    void load(id);
    const offChanged = onEvent('conversation.changed', (payload) => payload.id === id && refetch());
    const offDone = onEvent('chat.done', (payload) => payload.conversationId === id && refetch());
    return () => {
      // Answers still in flight for this id must not land after it was left.
      sequence.current++;
      offChanged();
      offDone();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [id, load, refetch]);

  const current = loaded && loaded.id === id ? loaded : null;
  return { view: current?.view ?? null, error: current?.error ?? null, refetch, replace };
}
