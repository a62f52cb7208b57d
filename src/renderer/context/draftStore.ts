import { useSyncExternalStore } from 'react';

// The composer's draft, shared with the token count and the inspector without re-rendering the
// chat view on every keystroke: only the subscribers re-render.
let draft = '';
const listeners = new Set<() => void>();

/** Publishes the composer's current text (called by the composer as it changes). */
export function publishDraft(text: string): void {
  if (text === draft) return;
  draft = text;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The composer's current text, as a React value. */
export function useDraft(): string {
  return useSyncExternalStore(subscribe, () => draft);
}
