import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore, DATABASE_FILE } from '../../src/core/app';
import { openConversationStore } from '../../src/core/store';
import { tempLibrary } from '../../src/core/store/testing/fixtures';
import { createTestCipher, MemoryKeyValueStore } from '../../src/core/testing/memoryPorts';

// A crash or a killed process leaves the answer that was streaming marked `streaming`. The next
// start must mark it `interrupted` (text kept), never leave it looking as if it were still coming.

describe('start-up on a data folder that holds a streaming answer', () => {
  it('marks the answer interrupted, keeps its text, and serves it so through the dispatcher', async () => {
    const { dir, cleanup } = tempLibrary();
    try {
      // What the crashed session left: a question and half an answer, still `streaming`.
      const { store } = openConversationStore({ path: join(dir, DATABASE_FILE) });
      const conversation = store.createConversation({ title: 'Before the crash' });
      const question = store.addMessage({
        conversationId: conversation.id,
        parentId: null,
        role: 'user',
        content: 'Tell me about 1999',
        status: 'done',
      });
      const answer = store.addMessage({
        conversationId: conversation.id,
        parentId: question.id,
        role: 'assistant',
        content: '',
        status: 'streaming',
      });
      store.updateContent(answer.id, 'In 1999 you wrote that');
      store.close();

      const core = await createCore({
        dataDir: dir,
        cipher: createTestCipher(),
        settingsStore: new MemoryKeyValueStore(),
        host: 'web',
        version: '0.0.0',
        platform: process.platform,
        systemLanguage: 'en',
      });
      const page = await core.dispatcher.handle('conversation.get', { id: conversation.id });
      expect(page).toMatchObject({ ok: true });
      const messages = (page as { data: { messages: { id: string; status: string; content: string }[] } })
        .data.messages;
      expect(messages.find((message) => message.id === answer.id)).toMatchObject({
        status: 'interrupted',
        content: 'In 1999 you wrote that',
      });
      expect(messages.find((message) => message.id === question.id)).toMatchObject({ status: 'done' });
      await core.close();
    } finally {
      cleanup();
    }
  });
});
