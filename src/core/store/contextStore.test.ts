import { describe, expect, it } from 'vitest';
import { openConversationStore } from '.';
import type { ConversationStore } from './types';

// The context's store functions over a real (in-memory) database.

function chain(store: ConversationStore, conversationId: string, count: number): string[] {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    ids.push(
      store.addMessage({
        conversationId,
        parentId: ids.at(-1) ?? null,
        role: i % 2 === 0 ? 'user' : 'assistant',
        content: `m${i}`,
        status: 'done',
      }).id,
    );
  }
  return ids;
}

describe('readBranchTail', () => {
  it('reads the shown branch newest first, only its own messages, with cached counts', () => {
    const { store } = openConversationStore({ path: ':memory:' });
    const { id } = store.createConversation();
    const ids = chain(store, id, 6);
    // Another version of m3 and its answer: a branch the tail from m5 must not see.
    const sibling = store.addMessage({
      conversationId: id,
      parentId: ids[2],
      role: 'assistant',
      content: 'other',
      status: 'done',
    });
    store.saveTokenCounts('o200k_base', [{ messageId: ids[4], tokens: 42 }]);
    const fromLeaf = [...store.readBranchTail(id, ids[5], 'o200k_base')];
    expect(fromLeaf.map((m) => m.content)).toEqual(['m5', 'm4', 'm3', 'm2', 'm1', 'm0']);
    expect(fromLeaf.map((m) => m.tokens)).toEqual([null, 42, null, null, null, null]);
    // The shown leaf is now the sibling (the newest message added).
    expect([...store.readBranchTail(id, null, 'o200k_base')].map((m) => m.id)).toEqual([
      sibling.id,
      ids[2],
      ids[1],
      ids[0],
    ]);
    expect([...store.readBranchTail(store.createConversation().id, null, 'o200k_base')]).toEqual([]);
  });

  it('two tails stepped at once, or stopped early, do not disturb each other', () => {
    const { store } = openConversationStore({ path: ':memory:' });
    const { id } = store.createConversation();
    const ids = chain(store, id, 10);
    const a = store.readBranchTail(id, ids[9], 'o200k_base')[Symbol.iterator]();
    const b = store.readBranchTail(id, ids[5], 'o200k_base')[Symbol.iterator]();
    expect([
      a.next().value?.content,
      b.next().value?.content,
      a.next().value?.content,
      b.next().value?.content,
    ]).toEqual(['m9', 'm5', 'm8', 'm4']);
    a.return?.();
    expect([...store.readBranchTail(id, ids[2], 'o200k_base')].map((m) => m.content)).toEqual([
      'm2',
      'm1',
      'm0',
    ]);
    expect(b.next().value?.content).toBe('m3');
  });
});

describe('memory, dividers, summaries and usage', () => {
  it('keeps a memory setting and a divider per conversation and message', () => {
    const { store } = openConversationStore({ path: ':memory:' });
    const { id } = store.createConversation();
    const ids = chain(store, id, 3);
    expect(store.getConversation(id).memory).toEqual({ strategy: 'fit_window', exchanges: 10 });
    expect(store.setMemory(id, { strategy: 'last_exchanges', exchanges: 3 }).memory).toEqual({
      strategy: 'last_exchanges',
      exchanges: 3,
    });
    const page = store.setContextBreak(ids[1], true);
    expect(page.messages.find((m) => m.id === ids[1])?.contextBreak).toBe(true);
    expect([...store.readBranchTail(id, null, 'x')].map((m) => m.contextBreak)).toEqual([false, true, false]);
    expect(() => store.setMemory('missing', { strategy: 'fit_window', exchanges: 1 })).toThrow(
      /No conversation/,
    );
  });

  it('versions summaries per conversation; an edit is a new version marked edited', () => {
    const { store } = openConversationStore({ path: ':memory:' });
    const { id } = store.createConversation();
    const ids = chain(store, id, 4);
    const first = store.addSummary(id, ids[1], 'one');
    const edited = store.editSummary(first.id, 'one, edited');
    expect(edited).toMatchObject({ throughMessageId: ids[1], version: 2, edited: true });
    expect(store.listSummaries(id).map((s) => s.text)).toEqual(['one, edited', 'one']);
    expect(() => store.addSummary(id, 'not-a-message', 'x')).toThrow(/No message/);
  });

  it('sums usage and cost of answers per conversation and month', () => {
    const { store } = openConversationStore({
      path: ':memory:',
      clock: { now: () => new Date('2026-03-15T12:00:00Z') },
    });
    const { id } = store.createConversation();
    const [, answer] = chain(store, id, 2);
    store.finishMessage(answer, {
      status: 'done',
      content: 'a',
      error: null,
      usage: { promptTokens: 10, completionTokens: 5, totalTokens: 15 },
    });
    store.setAnswerAccounting(answer, { cost: 0.002 });
    expect(store.getMessage(answer).cost).toBe(0.002);
    expect(store.conversationUsage(id)).toEqual({
      promptTokens: 10,
      completionTokens: 5,
      cost: 0.002,
      answers: 1,
    });
    // A counted usage never overwrites the service's own.
    store.setAnswerAccounting(answer, {
      usage: { promptTokens: 99, completionTokens: 99, totalTokens: 198 },
    });
    expect(store.getMessage(answer).usage?.promptTokens).toBe(10);
    expect(store.monthlyUsage()).toEqual([
      { month: '2026-03', total: { promptTokens: 10, completionTokens: 5, cost: 0.002, answers: 1 } },
    ]);
  });
});
