// @vitest-environment jsdom
import { cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Conversation } from '../../shared/schemas';
import { makeConversation } from './testUtils';

// A fake bridge: `conversation.list` answers from `lists`, every call is recorded, and tests fire
// events by name.
const fake = vi.hoisted(() => ({
  lists: { active: [] as Conversation[], archived: [] as Conversation[], trash: [] as Conversation[] },
  calls: [] as { method: string; input: unknown }[],
  listeners: new Map<string, Set<(payload: unknown) => void>>(),
  fail: null as string | null,
}));

vi.mock('../bridge/api', () => ({
  BridgeError: class BridgeError extends Error {},
  call: vi.fn(async (method: string, input: { view?: 'active' | 'archived' | 'trash'; id?: string }) => {
    fake.calls.push({ method, input });
    if (fake.fail === method) throw new Error('disk is full');
    if (method === 'conversation.list') return structuredClone(fake.lists[input.view ?? 'active']);
    if (method === 'conversation.delete') return { ok: true };
    return makeConversationStub(input.id ?? 'x');
  }),
  onEvent: vi.fn((name: string, listener: (payload: unknown) => void) => {
    const set = fake.listeners.get(name) ?? new Set();
    set.add(listener);
    fake.listeners.set(name, set);
    return () => set.delete(listener);
  }),
}));

function makeConversationStub(id: string): Conversation {
  return makeConversation(id, new Date().toISOString());
}

const store = await import('../state/library');
const navigation = await import('../state/navigation');

function emit(name: string): void {
  for (const listener of fake.listeners.get(name) ?? []) listener({});
}

const listCalls = (): number => fake.calls.filter((c) => c.method === 'conversation.list').length;
const flush = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  store.resetLibraryForTests();
  fake.calls.length = 0;
  fake.fail = null;
  fake.lists.active = [
    makeConversation('a', '2026-10-01T10:00:00Z'),
    makeConversation('b', '2026-10-02T10:00:00Z'),
  ];
  fake.lists.archived = [];
  fake.lists.trash = [];
});

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

async function settle(): Promise<void> {
  await vi.advanceTimersByTimeAsync(60);
  await flush();
}

describe('library store', () => {
  it('loads a view once, and refetches it once per burst of change events', async () => {
    store.requestView('active');
    store.requestView('active');
    await settle();
    expect(listCalls()).toBe(1);
    expect(store.getLibrary().views.active.items.map((c) => c.id)).toEqual(['a', 'b']);

    fake.lists.active = [...fake.lists.active, makeConversation('c', '2026-10-03T10:00:00Z')];
    emit('library.changed');
    emit('conversation.changed');
    emit('library.changed');
    await settle();
    expect(listCalls()).toBe(2);
    expect(store.getLibrary().views.active.items.map((c) => c.id)).toEqual(['a', 'b', 'c']);

    emit('conversation.changed');
    await settle();
    expect(listCalls()).toBe(3);
  });

  it('refetches every view that was asked for', async () => {
    store.requestView('active');
    store.requestView('trash');
    await settle();
    fake.calls.length = 0;
    emit('library.changed');
    await settle();
    expect(fake.calls.map((c) => (c.input as { view: string }).view).sort()).toEqual(['active', 'trash']);
  });

  it('stops refetching a view once nothing shows it, and fetches it afresh when shown again', async () => {
    const shown = renderHook(({ view }) => store.useLibraryView(view), {
      initialProps: { view: 'trash' as 'active' | 'trash' },
    });
    await settle();
    expect(shown.result.current.loaded).toBe(true);
    shown.rerender({ view: 'active' });
    await settle();
    fake.calls.length = 0;
    emit('conversation.changed');
    await settle();
    expect(fake.calls.map((c) => (c.input as { view: string }).view)).toEqual(['active']);

    fake.calls.length = 0;
    shown.rerender({ view: 'trash' });
    await settle();
    expect(fake.calls.map((c) => (c.input as { view: string }).view)).toEqual(['trash']);
    shown.unmount();
    fake.calls.length = 0;
    emit('library.changed');
    await settle();
    expect(listCalls()).toBe(0);
  });

  it('renames optimistically and refuses an empty title', async () => {
    store.requestView('active');
    await settle();
    expect(await store.renameConversation('a', '   ')).toBe(false);
    expect(fake.calls.some((c) => c.method === 'conversation.rename')).toBe(false);
    const pending = store.renameConversation('a', '  New title ');
    expect(store.getLibrary().views.active.items.find((c) => c.id === 'a')?.title).toBe('New title');
    await pending;
    expect(fake.calls.find((c) => c.method === 'conversation.rename')?.input).toEqual({
      id: 'a',
      title: 'New title',
    });
  });

  it('deletes with an Undo toast that restores and reopens the conversation', async () => {
    store.requestView('active');
    await settle();
    navigation.openConversation('a');
    await store.deleteConversation('a');
    expect(store.getLibrary().views.active.items.map((c) => c.id)).toEqual(['b']);
    expect(navigation.getNavigation().conversationId).toBeNull();
    expect(store.getLibrary().toast).toMatchObject({ kind: 'undo', conversationId: 'a' });

    await store.undoDelete();
    expect(fake.calls.find((c) => c.method === 'conversation.restore')?.input).toEqual({ id: 'a' });
    expect(store.getLibrary().toast).toBeNull();
    expect(navigation.getNavigation().conversationId).toBe('a');
  });

  it('hides the Undo toast after about 8 seconds', async () => {
    store.requestView('active');
    await settle();
    await store.deleteConversation('b');
    expect(store.getLibrary().toast?.kind).toBe('undo');
    await vi.advanceTimersByTimeAsync(store.UNDO_TOAST_MS - 100);
    expect(store.getLibrary().toast?.kind).toBe('undo');
    await vi.advanceTimersByTimeAsync(200);
    expect(store.getLibrary().toast).toBeNull();
  });

  it('says why when a change fails, and refetches the truth', async () => {
    store.requestView('active');
    await settle();
    fake.fail = 'conversation.pin';
    fake.calls.length = 0;
    await store.pinConversation('a', true);
    expect(store.getLibrary().toast).toMatchObject({ kind: 'error', text: 'disk is full' });
    await settle();
    expect(listCalls()).toBe(1);
    expect(store.getLibrary().views.active.items.find((c) => c.id === 'a')?.pinned).toBe(false);
  });
});
