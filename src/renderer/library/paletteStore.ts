import { useSyncExternalStore } from 'react';

let open = false;
const listeners = new Set<() => void>();

function set(next: boolean): void {
  if (next === open) return;
  open = next;
  for (const listener of listeners) listener();
}

/** Opens the search palette (from the sidebar, a menu, or a shortcut). */
export function openSearchPalette(): void {
  set(true);
}

/** Closes the search palette. */
export function closeSearchPalette(): void {
  set(false);
}

/** Opens it when closed, closes it when open (Ctrl/Cmd+K). */
export function toggleSearchPalette(): void {
  set(!open);
}

/** Whether the palette is open; re-renders when that changes. */
export function useSearchPaletteOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => open,
  );
}

/** "⌘K" on Apple platforms, "Ctrl+K" elsewhere. */
export function searchShortcutLabel(): string {
  const platform = typeof navigator === 'undefined' ? '' : navigator.platform || navigator.userAgent;
  return /Mac|iPhone|iPad/i.test(platform) ? '⌘K' : 'Ctrl+K';
}
