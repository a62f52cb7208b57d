import { useSyncExternalStore } from 'react';

/** App-wide UI toggles any component may flip: the Settings dialog and a link awaiting confirmation. */
export interface UiState {
  settingsOpen: boolean;
  /** A link the user clicked in a message; shown in a confirmation dialog until answered. */
  pendingLink: string | null;
}

let state: UiState = { settingsOpen: false, pendingLink: null };
const listeners = new Set<() => void>();

function set(patch: Partial<UiState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Opens the Settings dialog. */
export function openSettings(): void {
  set({ settingsOpen: true });
}

/** Closes the Settings dialog. */
export function closeSettings(): void {
  set({ settingsOpen: false });
}

/** Asks the user whether to open a link from a message in the browser. */
export function requestOpenLink(url: string): void {
  set({ pendingLink: url });
}

/** Forgets the link question (answered either way). */
export function dismissLink(): void {
  set({ pendingLink: null });
}

/** The UI toggles; re-renders when they change. */
export function useUi(): UiState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
