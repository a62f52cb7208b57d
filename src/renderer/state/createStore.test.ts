import { describe, expect, it } from 'vitest';
import { createStore } from './createStore';

describe('createStore', () => {
  it('patches into a new object, tells each listener, and starts its watch once', () => {
    let watches = 0;
    const store = createStore({ open: false, count: 0 }, () => watches++);
    const before = store.get();
    const seen: number[] = [];
    const stop = store.subscribe(() => seen.push(store.get().count));
    store.subscribe(() => undefined);
    store.set({ count: 1 });
    expect(store.get()).toEqual({ open: false, count: 1 });
    expect(store.get()).not.toBe(before);
    stop();
    store.set({ count: 2 });
    expect(seen).toEqual([1]);
    expect(watches).toBe(1);
  });
});
