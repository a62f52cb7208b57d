import { describe, expect, it } from 'vitest';
import { chatMethods } from '../../shared/contract/chat';
import { MAX_MESSAGE_CHARS, MAX_MESSAGE_TEXT_CHARS, MESSAGE_HEAD_CHARS } from '../../shared/limits';
import { createEventBus } from '../events';
import { conversationHandlers } from '../handlers/conversationHandlers';
import { useChatHarness } from './chatTestHarness';

// A conversation page carries only the head of a very long message; what Penpal sends to the
// model (regenerate, edit, the history of the next turn) must still be the whole text.

const h = useChatHarness();
const LONG = Array.from({ length: MAX_MESSAGE_CHARS / 10 }, (_, n) => `${n}`.padStart(9, '0') + ' ').join('');

/** A conversation: the 2,000,000-character question, a short answer. */
function longExchange() {
  const { id } = h.store.createConversation();
  const question = h.store.addMessage({
    conversationId: id,
    parentId: null,
    role: 'user',
    content: LONG,
    status: 'done',
  });
  const answer = h.store.addMessage({
    conversationId: id,
    parentId: question.id,
    role: 'assistant',
    content: 'short answer',
    status: 'done',
  });
  const handlers = conversationHandlers(h.store, createEventBus());
  return { id, question, answer, handlers };
}

describe('chat over a page-cut message', () => {
  it('regenerate resends the whole 2,000,000 characters; the next turn never sends the head', async () => {
    const { id, answer, handlers } = longExchange();
    const page = await handlers['conversation.get']({ id });
    expect(page.messages[0].content).toHaveLength(MESSAGE_HEAD_CHARS);

    h.server.script([{ reply: 'again' }, { reply: 'next' }]);
    await h.chat.regenerate({ messageId: answer.id });
    await h.chat.idle();
    expect(h.lastBody().messages[1]).toEqual({ role: 'user', content: LONG });
    // The next turn fits the window: the 2,000,000 characters (~500,000 tokens) do not, so the
    // builder leaves the message out whole — never a page's 65,536-character head in its place.
    await h.exchange(id, 'and then?');
    const sent = h.lastBody().messages.map((m) => m.content);
    expect(sent).toEqual(['You are Penpal.', 'again', 'and then?']);
    expect(sent.some((content) => content.length === MESSAGE_HEAD_CHARS)).toBe(false);
  });

  it('chat.edit of the message, given its whole text as the editor reads it, sends all of it', async () => {
    const { question, handlers } = longExchange();
    // What the renderer's editor does: the rest of the text with message.text, then an edit.
    let whole = '';
    while (whole.length < MAX_MESSAGE_CHARS) {
      const piece = await handlers['message.text']({
        id: question.id,
        start: whole.length,
        length: MAX_MESSAGE_TEXT_CHARS,
      });
      whole += piece.text;
    }
    const edited = `${whole.slice(0, -1)}!`;
    // The contract accepts an edit as long as the message limit.
    const input = chatMethods['chat.edit'].input.parse({ messageId: question.id, content: edited });
    h.server.script([{ reply: 'edited answer' }]);
    await h.chat.edit(input);
    await h.chat.idle();
    expect(h.lastBody().messages[1]).toEqual({ role: 'user', content: edited });
    expect(h.lastBody().messages[1].content).toHaveLength(MAX_MESSAGE_CHARS);
  });
});
