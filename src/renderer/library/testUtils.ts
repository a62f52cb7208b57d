import { act } from '@testing-library/react';
import { vi } from 'vitest';
import type { Conversation, SearchHit } from '../../shared/schemas';

/** A conversation with sensible defaults, for tests. */
export function makeConversation(
  id: string,
  updatedAt: string,
  extra: Partial<Conversation> = {},
): Conversation {
  return {
    id,
    title: `Conversation ${id}`,
    createdAt: updatedAt,
    updatedAt,
    pinned: false,
    archived: false,
    deletedAt: null,
    messageCount: 2,
    systemPrompt: '',
    personaId: null,
    memory: { strategy: 'fit_window', exchanges: 10 },
    ...extra,
  };
}

/** Lets timers and the promises they settle run inside `act`. */
export const wait = (ms = 20): Promise<void> =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });

/** What the component tests' fake bridge answers and records. */
export interface FakeBridge {
  lists: Record<'active' | 'archived' | 'trash', Conversation[]>;
  calls: { method: string; input: Record<string, unknown> }[];
  /** Answers `search.query`; may return a promise to simulate a slow answer. */
  search: (input: { query: string }) => SearchHit[] | Promise<SearchHit[]>;
}

/** A fresh fake bridge state. */
export function createFakeBridge(): FakeBridge {
  return { lists: { active: [], archived: [], trash: [] }, calls: [], search: () => [] };
}

/** The mocked `call`: answers from the fake state and records every request. */
export function fakeCall(fake: FakeBridge) {
  return vi.fn(async (method: string, input: Record<string, unknown>) => {
    fake.calls.push({ method, input });
    if (method === 'conversation.list')
      return structuredClone(fake.lists[(input.view as 'active') ?? 'active']);
    if (method === 'search.query') return fake.search(input as { query: string });
    if (method === 'persona.list') return [];
    if (method === 'conversation.delete') {
      // As the main process does: the conversation leaves its list for the Trash, so a refetch
      // after the delete agrees with the optimistic update.
      for (const view of ['active', 'archived'] as const) {
        const moved = fake.lists[view].filter((c) => c.id === input.id);
        fake.lists[view] = fake.lists[view].filter((c) => c.id !== input.id);
        fake.lists.trash.push(...moved.map((c) => ({ ...c, deletedAt: new Date().toISOString() })));
      }
      return { ok: true };
    }
    if (method === 'conversation.create')
      return makeConversation(`new-${fake.calls.length}`, new Date().toISOString(), {
        title: '',
        messageCount: 0,
      });
    const found = Object.values(fake.lists)
      .flat()
      .find((c) => c.id === input.id);
    return { ...found, ...input };
  });
}

let current: FakeBridge | null = null;

/**
 * The `../bridge/api` module for `vi.mock`, answering from a fresh fake bridge:
 * `vi.mock('../bridge/api', async () => (await import('./testUtils')).fakeBridgeModule())`.
 */
export function fakeBridgeModule() {
  current = createFakeBridge();
  return { BridgeError: Error, call: fakeCall(current), onEvent: () => () => undefined };
}

/** The fake bridge `fakeBridgeModule` made (it is made when the mocked module is first imported). */
export function fakeBridge(): FakeBridge {
  if (!current) throw new Error('no fake bridge');
  return current;
}
