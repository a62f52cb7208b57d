import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openConversationStore } from '../index';
import type { ConversationStore, ImportedConversation } from '../types';

/** A clock that moves one second per reading, so every timestamp differs and ordering is predictable. */
export function steppingClock(start = '2024-01-01T00:00:00.000Z'): { now(): Date; set(iso: string): void } {
  let time = Date.parse(start);
  return {
    now: () => {
      time += 1000;
      return new Date(time);
    },
    set: (iso) => {
      time = Date.parse(iso);
    },
  };
}

/** A fresh in-memory store, with a stepping clock unless told otherwise. */
export function memoryStore(clock: { now(): Date } = steppingClock()): ConversationStore {
  return openConversationStore({ path: ':memory:', clock }).store;
}

/**
 * A library file path (not created yet) in a fresh temporary folder. The folder is removed by
 * `cleanup`, which is also handed to `onFinished` when given (a test passes vitest's
 * `onTestFinished`; this file stays free of vitest for the writer child).
 */
export function tempLibrary(onFinished?: (cleanup: () => void) => void): {
  dir: string;
  path: string;
  cleanup(): void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'penpal-store-'));
  const cleanup = (): void => rmSync(dir, { recursive: true, force: true });
  onFinished?.(cleanup);
  return { dir, path: join(dir, 'penpal.sqlite'), cleanup };
}

/** A linear imported conversation of `count` alternating user/assistant messages. */
export function importedConversation(
  key: string,
  count: number,
  text = (n: number) => `message number ${n}`,
): ImportedConversation {
  const messages = Array.from({ length: count }, (_, n) => ({
    localId: `m${n}`,
    parentLocalId: n === 0 ? null : `m${n - 1}`,
    role: n % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: text(n),
    createdAt: new Date(Date.UTC(2023, 0, 1, 0, 0, n)).toISOString(),
    model: null,
  }));
  return {
    sourceKey: key,
    title: `Imported ${key}`,
    createdAt: '2023-01-01T00:00:00.000Z',
    updatedAt: '2023-01-02T00:00:00.000Z',
    systemPrompt: '',
    messages,
    currentLeafLocalId: null,
  };
}

/** `count` imported conversations (keys `bulk:0`, `bulk:1`, …) of `messages` messages each. */
export function importedConversations(
  count: number,
  messages = 20,
  text?: (n: number) => string,
): ImportedConversation[] {
  return Array.from({ length: count }, (_, n) => importedConversation(`bulk:${n}`, messages, text));
}

/** user → assistant → user → assistant in a new conversation, each message returned by name. */
export function chat(store: ConversationStore) {
  const conversation = store.createConversation({ title: 'tree' });
  const add = (parentId: string | null, role: 'user' | 'assistant', content: string) =>
    store.addMessage({ conversationId: conversation.id, parentId, role, content, status: 'done' });
  const u1 = add(null, 'user', 'question one');
  const a1 = add(u1.id, 'assistant', 'answer one');
  const u2 = add(a1.id, 'user', 'question two');
  const a2 = add(u2.id, 'assistant', 'answer two');
  return { conversation, add, u1, a1, u2, a2 };
}

/** The contents of the conversation's shown branch, root first. */
export function contents(store: ConversationStore, conversationId: string): string[] {
  return store.getView(conversationId).messages.map((m) => m.content);
}
