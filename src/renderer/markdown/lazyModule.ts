import { useEffect, useSyncExternalStore } from 'react';

/** A module loaded on first need and shared by every component that asks for it. */
export interface LazyModule<T> {
  /** Loads it once; later calls share the same promise. */
  load: () => Promise<T>;
  /**
   * The module once loaded, else null; re-renders when it arrives. When `wanted`, starts loading
   * it from an effect on the next task, i.e. after the first paint, never during startup.
   */
  useModule: (wanted: boolean) => T | null;
}

/** Wraps a dynamic `import()` as a {@link LazyModule}. */
export function createLazyModule<T>(loader: () => Promise<T>): LazyModule<T> {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void): (() => void) => {
    listeners.add(listener);
    return () => listeners.delete(listener);
  };
  const current = (): T | null => value;

  const load = (): Promise<T> =>
    (loading ??= loader().then((loaded) => {
      value = loaded;
      for (const listener of listeners) listener();
      return loaded;
    }));

  function useModule(wanted: boolean): T | null {
    const loaded = useSyncExternalStore(subscribe, current, current);
    useEffect(() => {
      if (!wanted || value) return;
      const timer = setTimeout(() => void load().catch(() => undefined), 0);
      return () => clearTimeout(timer);
    }, [wanted]);
    return loaded;
  }

  return { load, useModule };
}
