import { describe, expect, it } from 'vitest';
import { useChatHarness } from './chatTestHarness';

// Edit, regenerate and auto-title: versions are siblings, and what is resent follows the shown branch.

const h = useChatHarness();
const echo = (text: string) => `Echo: ${text}\n\n*— the Penpal test server*`;

describe('ChatService.edit and regenerate', () => {
  it('edits a user message into a sibling with a new answer, resending only the new branch', async () => {
    const { id } = h.store.createConversation();
    const first = await h.exchange(id, 'first question');
    await h.exchange(id, 'second question');

    const edited = await h.chat.edit({ messageId: first.userMessageId!, content: 'first, rephrased' });
    await h.chat.idle();
    const user = h.store.getMessage(edited.userMessageId!);
    expect(user.parentId).toBeNull();
    expect(user.siblingIds).toEqual([first.userMessageId, edited.userMessageId]);
    expect(h.lastBody().messages).toEqual([
      { role: 'system', content: 'You are Penpal.' },
      { role: 'user', content: 'first, rephrased' },
    ]);
    expect(h.store.getMessage(edited.assistantMessageId).content).toBe(echo('first, rephrased'));

    // The shown branch is now the edited one: the next message continues it, not the old one.
    expect(h.store.getView(id).messages.map((m) => m.content)).toEqual([
      'first, rephrased',
      echo('first, rephrased'),
    ]);
    await h.exchange(id, 'third');
    expect(h.lastBody().messages.map((m) => m.content)).toEqual([
      'You are Penpal.',
      'first, rephrased',
      echo('first, rephrased'),
      'third',
    ]);
  });

  it('regenerates an answer as a sibling under the same user message, resending the same context', async () => {
    const { id } = h.store.createConversation();
    await h.exchange(id, 'hello');
    const second = await h.exchange(id, 'tell me more');
    const before = h.lastBody().messages;

    h.server.script([{ reply: 'A different answer.' }]);
    const again = await h.chat.regenerate({ messageId: second.assistantMessageId });
    await h.chat.idle();
    expect(again.userMessageId).toBeNull();
    const answer = h.store.getMessage(again.assistantMessageId);
    expect(answer.parentId).toBe(second.userMessageId);
    expect(answer.siblingIds).toEqual([second.assistantMessageId, again.assistantMessageId]);
    expect(answer.content).toBe('A different answer.');
    expect(h.lastBody().messages).toEqual(before);
    expect(h.store.getView(id).messages.at(-1)?.id).toBe(again.assistantMessageId);
  });

  it('retries a failed answer as a new version', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ status: 429, retryAfterSeconds: 5 }]);
    const failed = await h.exchange(id, 'please');
    expect(h.store.getMessage(failed.assistantMessageId).error).toMatchObject({
      code: 'rate_limited',
      retryAfter: 5,
    });
    const retry = await h.chat.regenerate({ messageId: failed.assistantMessageId });
    await h.chat.idle();
    expect(h.store.getMessage(retry.assistantMessageId)).toMatchObject({
      status: 'done',
      content: echo('please'),
    });
  });

  it('refuses to edit an answer', async () => {
    const { id } = h.store.createConversation();
    const { assistantMessageId } = await h.exchange(id, 'x');
    await expect(h.chat.edit({ messageId: assistantMessageId, content: 'y' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});

describe('auto title', () => {
  it('names an untitled conversation after the first exchange with one non-streaming call', async () => {
    h.config.autoTitle = true;
    const { id } = h.store.createConversation();
    await h.exchange(id, 'How do cats purr so loudly at night?');
    expect(h.store.getConversation(id).title).toBe('How do cats purr so');
    const titleCall = h.chatRequests().at(-1)!.body as {
      stream?: boolean;
      messages: { role: string; content: string }[];
    };
    expect(titleCall.stream).toBeUndefined();
    expect(titleCall.messages[0].content).toMatch(/6 words/);
    expect(h.seen.some((e) => e.name === 'library.changed')).toBe(true);

    // Only once: a titled conversation is left alone.
    const count = h.chatRequests().length;
    await h.exchange(id, 'And dogs?');
    expect(h.chatRequests()).toHaveLength(count + 1);
  });

  it('skips silently when the title call fails, and does nothing when turned off', async () => {
    h.config.autoTitle = true;
    const { id } = h.store.createConversation();
    h.server.script([{}, { status: 500 }]);
    const { assistantMessageId } = await h.exchange(id, 'hello there');
    expect(h.store.getMessage(assistantMessageId).status).toBe('done');
    expect(h.store.getConversation(id).title).toBe('');

    h.config.autoTitle = false;
    const other = h.store.createConversation();
    await h.exchange(other.id, 'no title please');
    expect(h.store.getConversation(other.id).title).toBe('');
    expect(h.chatRequests()).toHaveLength(3);
  });

  it('keeps a title the user already gave', async () => {
    h.config.autoTitle = true;
    const { id } = h.store.createConversation({ title: 'My own title' });
    await h.exchange(id, 'hello');
    expect(h.store.getConversation(id).title).toBe('My own title');
    expect(h.chatRequests()).toHaveLength(1);
  });
});
