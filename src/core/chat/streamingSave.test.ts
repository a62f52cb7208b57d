import { DatabaseSync } from 'node:sqlite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import { createEventBus } from '../events';
import { openConversationStore } from '../store';
import { tempLibrary } from '../store/testing/fixtures';
import { ChatService } from './chatService';

// A streaming answer is saved again and again while it arrives (the save timer re-arms after
// each save), so a crash at any moment loses at most the last interval — not everything after
// the first save. Read from a second connection to the file, as the next start would see it.

let server: OpenAITestServer;
beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(() => server.close());
const cleanups: (() => void | Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('the streaming save', () => {
  it('re-arms: the saved text keeps growing while the answer streams', async () => {
    const { path, cleanup } = tempLibrary();
    cleanups.push(cleanup);
    const { store } = openConversationStore({ path });
    cleanups.push(() => store.close());
    const chat = new ChatService({
      store,
      events: createEventBus(),
      idleTimeoutMs: 2000,
      persistIntervalMs: 40,
      getConfig: async () => ({
        baseURL: server.baseURL,
        model: 'gpt-4o-mini',
        temperature: 0.7,
        topP: 1,
        maxTokens: null,
        systemPrompt: '',
        autoTitle: false,
      }),
      credentialsFor: async () => 'sk-test',
    });
    cleanups.push(() => chat.shutdown());
    // About 1.5 s of streaming: 150 chunks, 10 ms apart.
    server.script([{ reply: 'x'.repeat(300), chunkSize: 2, delayMs: 10 }]);
    const { id } = store.createConversation();
    const { assistantMessageId } = await chat.send({ conversationId: id, content: 'long answer, please' });

    const reader = new DatabaseSync(path, { readOnly: true });
    cleanups.push(() => reader.close());
    const read = reader.prepare('SELECT status, content FROM messages WHERE id = ?');
    const savedWhileStreaming: number[] = [];
    for (let i = 0; i < 30; i++) {
      await new Promise((resolve) => setTimeout(resolve, 40));
      const row = read.get(assistantMessageId);
      if (row?.status !== 'streaming') break;
      savedWhileStreaming.push(String(row.content).length);
    }
    await chat.idle();

    const distinct = [...new Set(savedWhileStreaming.filter((length) => length > 0))];
    // Grew more than once while streaming, and only ever grew.
    expect(distinct.length).toBeGreaterThanOrEqual(3);
    expect(distinct).toEqual([...distinct].sort((a, b) => a - b));
    expect(distinct.at(-1)).toBeLessThan(300);
    expect(read.get(assistantMessageId)).toEqual({ status: 'done', content: 'x'.repeat(300) });
  });
});
