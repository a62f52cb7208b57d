import { useSyncExternalStore } from 'react';

/** What the context inspector shows: closed, the next turn, or the request behind an answer. */
export type InspectorTarget = { open: false } | { open: true; answerId: string | null };

let target: InspectorTarget = { open: false };
/** Bumped whenever something changes what a turn would send (memory, a divider, the summary). */
let contextVersion = 0;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}
function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Opens the inspector on the next turn (`answerId` null) or on a past answer's request. */
export function openInspector(answerId: string | null = null): void {
  target = { open: true, answerId };
  emit();
}

/** Another conversation was opened: an open inspector shows its next turn (not an answer of the last one). */
export function showNextTurnIfOpen(): void {
  if (target.open && target.answerId !== null) openInspector(null);
}

/** Closes the inspector. */
export function closeInspector(): void {
  if (!target.open) return;
  target = { open: false };
  emit();
}

/** Says the next request changed (memory, a divider, the summary): previews fetch it again. */
export function noteContextChanged(): void {
  contextVersion++;
  emit();
}

/** The inspector's target, as a React value. */
export function useInspectorTarget(): InspectorTarget {
  return useSyncExternalStore(subscribe, () => target);
}

/** A number that grows each time `noteContextChanged` is called. */
export function useContextVersion(): number {
  return useSyncExternalStore(subscribe, () => contextVersion);
}
