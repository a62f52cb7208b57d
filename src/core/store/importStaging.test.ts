import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openConversationStore } from './index';
import { importedConversation, importedConversations, memoryStore, tempLibrary } from './testing/fixtures';
import type { ConversationStore } from './types';

function rowCounts(path: string): { conversations: number; messages: number } {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const count = (table: string) => Number(db.prepare(`SELECT count(*) AS n FROM ${table}`).get()?.n);
    return { conversations: count('conversations'), messages: count('messages') };
  } finally {
    db.close();
  }
}

function fileStore(): { store: ConversationStore; path: string } {
  const { path } = tempLibrary(onTestFinished);
  return { store: openConversationStore({ path }).store, path };
}

describe('importConversationsAsync', () => {
  it('adds what the blocking import adds, and shows nothing until the end', async () => {
    const store = memoryStore();
    const seen: number[] = [];
    const result = await store.importConversationsAsync(importedConversations(600, 4), (done) => {
      seen.push(done);
      expect(store.listConversations('active')).toEqual([]);
      expect(store.search('message', { titlesOnly: false, limit: 5 })).toEqual([]);
      expect(store.exportAll().conversations).toEqual([]);
    });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(600);
    expect(result).toMatchObject({ conversationsAdded: 600, messagesAdded: 2400, duplicatesSkipped: 0 });
    expect(store.listConversations('active')).toHaveLength(600);
    expect(store.search('message', { titlesOnly: false, limit: 5 })).toHaveLength(5);

    const blocking = memoryStore().importConversations(importedConversations(600, 4));
    expect(blocking).toEqual(result);
    // Importing the same file again adds nothing.
    const again = await store.importConversationsAsync([
      ...importedConversations(600, 4),
      importedConversation('new', 2),
    ]);
    expect(again).toMatchObject({ conversationsAdded: 1, duplicatesSkipped: 600 });
  });

  it('keeps the event loop turning: timers fire and progress arrives while it runs', async () => {
    const { store } = fileStore();
    const list = importedConversations(3000, 8);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let settled = false;
    let progressBeforeEnd = 0;
    const ticksAtProgress: number[] = [];
    try {
      const running = store.importConversationsAsync(list, () => {
        if (!settled) progressBeforeEnd++;
        ticksAtProgress.push(ticks);
      });
      running.then(() => (settled = true));
      const result = await running;
      expect(result.conversationsAdded).toBe(3000);
    } finally {
      clearInterval(timer);
      store.close();
    }
    expect(progressBeforeEnd).toBeGreaterThan(5);
    // Timers ran between batches, not only once it was over. (How long the longest stall is, is a
    // budget: `npm run bench` measures it; a timed assertion here would fail on a busy machine.)
    expect(new Set(ticksAtProgress).size).toBeGreaterThan(5);
  });

  it('refuses a second import while one runs, and lets other writes through meanwhile', async () => {
    const store = memoryStore();
    let created = '';
    const running = store.importConversationsAsync(importedConversations(1000, 10), () => {
      if (created === '') created = store.createConversation({ title: 'written meanwhile' }).id;
    });
    await expect(store.importConversationsAsync(importedConversations(10))).rejects.toMatchObject({
      code: 'busy',
    });
    expect(() => store.importConversations(importedConversations(10))).toThrow(
      expect.objectContaining({ code: 'busy' }),
    );
    await running;
    expect(store.getConversation(created).title).toBe('written meanwhile');
    expect(store.listConversations('active')).toHaveLength(1001);
    // Once it is over, imports are accepted again (and still deduplicated).
    expect((await store.importConversationsAsync(importedConversations(1000, 10))).duplicatesSkipped).toBe(
      1000,
    );
  });

  it('removes everything it staged when it fails part-way', async () => {
    const { store, path } = fileStore();
    store.createConversation({ title: 'kept' });
    const list = importedConversations(2000, 10);
    // A role the schema refuses, far enough in to fail in a later batch.
    list[1800].messages[3].role = 'robot' as 'user';
    let progress = 0;
    await expect(store.importConversationsAsync(list, () => progress++)).rejects.toMatchObject({
      code: 'storage',
    });
    expect(progress).toBeGreaterThan(1);
    expect(store.listConversations('active').map((c) => c.title)).toEqual(['kept']);
    expect(rowCounts(path)).toEqual({ conversations: 1, messages: 0 });
    // The library is usable, and the failed file can be imported once it is fixed.
    list[1800].messages[3].role = 'user';
    expect((await store.importConversationsAsync(list)).conversationsAdded).toBe(2000);
    store.close();
  });
});
