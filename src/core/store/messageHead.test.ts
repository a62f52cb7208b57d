import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_MESSAGE_TEXT_CHARS, MESSAGE_HEAD_CHARS } from '../../shared/limits';
import { createEventBus } from '../events';
import { conversationHandlers } from '../handlers/conversationHandlers';
import { memoryStore } from './testing/fixtures';

// A page carries only the head of a very long message; `message.text` reads the rest exactly,
// and core's own readers (export) still see the whole text.

/** A text of `length` code units that differs everywhere, so a wrong offset shows. */
function numbered(length: number): string {
  let text = '';
  for (let n = 0; text.length < length; n++) text += `${n} `;
  return text.slice(0, length);
}

function setup(content: string) {
  const store = memoryStore();
  const handlers = conversationHandlers(store, createEventBus());
  const conversation = store.createConversation({ title: 'long' });
  const question = store.addMessage({
    conversationId: conversation.id,
    parentId: null,
    role: 'user',
    content,
    status: 'done',
  });
  const answer = store.addMessage({
    conversationId: conversation.id,
    parentId: question.id,
    role: 'assistant',
    content: 'short answer',
    status: 'done',
  });
  return { store, handlers, conversation, question, answer };
}

/** The whole text, read with `message.text` piece by piece as the renderer's Copy does. */
async function readAll(handlers: ReturnType<typeof setup>['handlers'], id: string): Promise<string> {
  let text = '';
  let total = Infinity;
  while (text.length < total) {
    const piece = await handlers['message.text']({ id, start: text.length, length: MAX_MESSAGE_TEXT_CHARS });
    total = piece.contentLength;
    text += piece.text;
  }
  return text;
}

describe('heads of very long messages', () => {
  it('conversation.get carries the head and the full length of a 2,000,000-character message', async () => {
    const long = numbered(MAX_MESSAGE_CHARS);
    const { handlers, conversation } = setup(long);
    const page = await handlers['conversation.get']({ id: conversation.id });
    const [question, answer] = page.messages;
    expect(question.content).toBe(long.slice(0, MESSAGE_HEAD_CHARS));
    expect(question.contentLength).toBe(MAX_MESSAGE_CHARS);
    // A short message is whole, and says so.
    expect(answer.content).toBe('short answer');
    expect(answer.contentLength).toBe('short answer'.length);
  });

  it('message.text returns any slice exactly, and the pieces join into the whole text', async () => {
    const long = numbered(MAX_MESSAGE_CHARS);
    const { handlers, question } = setup(long);
    for (const [start, length] of [
      [0, 10],
      [MESSAGE_HEAD_CHARS - 3, 7],
      [1_234_567, MAX_MESSAGE_TEXT_CHARS],
      [MAX_MESSAGE_CHARS - 5, 100],
    ]) {
      const piece = await handlers['message.text']({ id: question.id, start, length });
      expect(piece).toEqual({ text: long.slice(start, start + length), contentLength: MAX_MESSAGE_CHARS });
    }
    expect(await readAll(handlers, question.id)).toBe(long);
  });

  it('counts in UTF-16 code units and never ends a piece inside a surrogate pair', async () => {
    // Emoji (two code units each) and CJK: SQLite counts them as one character, JavaScript as two / one.
    const long = '日記😀'.repeat(30_000) + 'end';
    const { handlers, question, conversation } = setup(long);
    const page = await handlers['conversation.get']({ id: conversation.id });
    expect(page.messages[0].contentLength).toBe(long.length);
    expect(long.startsWith(page.messages[0].content)).toBe(true);
    expect(page.messages[0].content.length).toBeLessThan(long.length);

    // Offset 2 is the high half of the first emoji: a piece ending there takes its low half too.
    const cut = await handlers['message.text']({ id: question.id, start: 0, length: 3 });
    expect(cut).toEqual({ text: '日記😀', contentLength: long.length });
    const plain = await handlers['message.text']({ id: question.id, start: 4, length: 2 });
    expect(plain.text).toBe('日記');
    const across = await handlers['message.text']({ id: question.id, start: 5, length: 2 });
    expect(across.text).toBe('記😀');
    expect(await readAll(handlers, question.id)).toBe(long);
  });

  it('leaves the whole text to core readers: one message, the path a model call resends, export', () => {
    const long = numbered(MAX_MESSAGE_CHARS);
    const { store, question, answer } = setup(long);
    expect(store.getMessage(question.id).content).toBe(long);
    expect(store.getPath(answer.id)[0].content).toBe(long);
    expect(store.exportAll().conversations[0].messages[0].content).toBe(long);
  });

  it('message.text of a missing message is not_found', async () => {
    const { handlers } = setup('short');
    await expect(
      handlers['message.text']({ id: '00000000-0000-4000-8000-000000000000', start: 0, length: 5 }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});
