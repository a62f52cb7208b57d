import { useEffect, useState } from 'react';
import type { YoungerSelf } from '../../shared/contract/youngerSelf';
import { call, onEvent } from '../bridge/api';

/** The younger self of a conversation, kept current by `conversation.changed`; null for others. */
export function useYoungerSelf(conversationId: string | null | undefined): YoungerSelf | null {
  const [self, setSelf] = useState<YoungerSelf | null>(null);
  useEffect(() => {
    if (!conversationId) return;
    let live = true;
    const load = () =>
      call('youngerSelf.get', { conversationId }).then(
        (found) => live && setSelf(found),
        // An ordinary conversation (or one gone) simply has no card.
        () => live && setSelf(null),
      );
    void load();
    const stop = onEvent('conversation.changed', ({ id }) => id === conversationId && void load());
    return () => {
      live = false;
      stop();
    };
  }, [conversationId]);
  return self && self.conversationId === conversationId ? self : null;
}

/** `done` of `total` summary calls while the summary is being made for this conversation. */
export function useSummaryProgress(conversationId: string): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(
    () =>
      onEvent('youngerSelf.summaryProgress', (event) => {
        if (event.conversationId === conversationId) setProgress({ done: event.done, total: event.total });
      }),
    [conversationId],
  );
  return progress;
}
