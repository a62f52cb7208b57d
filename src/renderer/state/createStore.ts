import { useSyncExternalStore } from 'react';

/** One piece of renderer state outside React: read it, patch it, be told when it changes. */
export interface Store<T extends object> {
  get(): T;
  /** Merges `patch` into the state (a new object, so React sees the change) and tells listeners. */
  set(patch: Partial<T>): void;
  subscribe(listener: () => void): () => void;
}

/**
 * A store for one screen's state (the module-level `state` + `listeners` + `set` each screen
 * otherwise writes again). `onFirstUse` runs when the first component subscribes: where a
 * screen starts its fetch and its watch for change events.
 */
export function createStore<T extends object>(initial: T, onFirstUse?: () => void): Store<T> {
  let state = initial;
  let used = false;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(patch) {
      state = { ...state, ...patch };
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      if (!used) {
        used = true;
        onFirstUse?.();
      }
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/** The store's state in a component; re-renders when it changes. */
export function useStore<T extends object>(store: Store<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
