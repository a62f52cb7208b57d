import { vi } from 'vitest';
import type { Conversation, SearchHit } from '../../shared/schemas';
import { makeConversation } from './testUtils';

/** What the component tests' fake bridge answers and records. */
export interface FakeBridge {
  lists: Record<'active' | 'archived' | 'trash', Conversation[]>;
  calls: { method: string; input: Record<string, unknown> }[];
  /** Answers `search.query`; may return a promise to simulate a slow answer. */
  search: (input: { query: string }) => SearchHit[] | Promise<SearchHit[]>;
}

/** A fresh fake bridge state for tests that mock `../bridge/api`. */
export function createFakeBridge(): FakeBridge {
  return { lists: { active: [], archived: [], trash: [] }, calls: [], search: () => [] };
}

/** The mocked `call`: answers from the fake state and records every request. */
export function fakeCall(fake: FakeBridge) {
  return vi.fn(async (method: string, input: Record<string, unknown>) => {
    fake.calls.push({ method, input });
    if (method === 'conversation.list') return structuredClone(fake.lists[(input.view as 'active') ?? 'active']);
    if (method === 'search.query') return fake.search(input as { query: string });
    if (method === 'conversation.delete') return { ok: true };
    if (method === 'conversation.create') return makeConversation(`new-${fake.calls.length}`, new Date().toISOString(), { title: '', messageCount: 0 });
    const found = Object.values(fake.lists)
      .flat()
      .find((c) => c.id === input.id);
    return { ...found, ...input };
  });
}
