import { useSyncExternalStore } from 'react';

/** Which conversation is open, and which message to scroll to (after a search). */
export interface NavigationState {
  conversationId: string | null;
  /** A message to scroll into view once the conversation is shown; cleared by the view. */
  focusMessageId: string | null;
}

let state: NavigationState = { conversationId: null, focusMessageId: null };
const listeners = new Set<() => void>();

function set(next: NavigationState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** Opens a conversation, optionally scrolled to one message. */
export function openConversation(conversationId: string | null, focusMessageId: string | null = null): void {
  set({ conversationId, focusMessageId });
}

/** Forgets the message to focus once the view has scrolled to it. */
export function clearFocusMessage(): void {
  if (state.focusMessageId !== null) set({ ...state, focusMessageId: null });
}

/** The current navigation state, outside React. */
export function getNavigation(): NavigationState {
  return state;
}

/** The current navigation state; re-renders when it changes. */
export function useNavigation(): NavigationState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
