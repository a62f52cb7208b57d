import { useEffect, useRef } from 'react';
import type { Conversation } from '../../shared/schemas';
import { useLibraryView } from './library';
import { getNavigation, openConversation } from './navigation';

/** The conversation with the latest activity, pinned or not. */
export function newestConversation(items: readonly Conversation[]): Conversation | null {
  let newest: Conversation | null = null;
  for (const item of items) if (!newest || item.updatedAt > newest.updatedAt) newest = item;
  return newest;
}

/**
 * At start, opens the conversation with the latest activity, so after a restart the user is back
 * where they were. Runs once: later an empty chat (after "New chat") stays empty.
 */
export function useOpenNewestOnStart(enabled: boolean): void {
  const done = useRef(false);
  const active = useLibraryView('active');
  useEffect(() => {
    if (!enabled || done.current || !active.loaded) return;
    done.current = true;
    if (getNavigation().conversationId !== null) return;
    const newest = newestConversation(active.items);
    if (newest) openConversation(newest.id);
  }, [enabled, active.loaded, active.items]);
}
