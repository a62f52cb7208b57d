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

/** A fresh in-memory store with a stepping clock. */
export function memoryStore(): ConversationStore {
  return openConversationStore({ path: ':memory:', clock: steppingClock() }).store;
}

/** A temporary folder, removed by the returned cleanup. */
export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'penpal-store-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
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
