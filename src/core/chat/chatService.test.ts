import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { AnyEvent } from '../../shared/contract';
import { useChatHarness } from './chatTestHarness';

// ChatService end to end: real store (in memory), real SDK, real loopback server.

const h = useChatHarness();
const doneFor = (messageId: string) =>
  h.seen.find(
    (e): e is Extract<AnyEvent, { name: 'chat.done' }> =>
      e.name === 'chat.done' && e.payload.messageId === messageId,
  );

describe('ChatService.send', () => {
  it('stores both messages, streams coalesced deltas, saves the answer and announces it', async () => {
    const { id } = h.store.createConversation();
    const { userMessageId, assistantMessageId } = await h.chat.send({
      conversationId: id,
      content: 'Hello penpal',
    });
    expect(h.store.getMessage(assistantMessageId).status).toBe('streaming');
    await h.chat.idle();

    const answer = h.store.getMessage(assistantMessageId);
    expect(answer).toMatchObject({
      status: 'done',
      parentId: userMessageId,
      model: 'gpt-4o-mini',
      error: null,
    });
    expect(answer.content).toBe('Echo: Hello penpal\n\n*— the Penpal test server*');
    expect(answer.usage?.totalTokens).toBeGreaterThan(0);
    expect(h.deltasFor(assistantMessageId).join('')).toBe(answer.content);
    expect(doneFor(assistantMessageId)?.payload).toMatchObject({
      status: 'done',
      error: null,
      conversationId: id,
    });
    expect(h.seen.some((e) => e.name === 'conversation.changed' && e.payload.id === id)).toBe(true);

    expect(h.lastBody()).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'You are Penpal.' },
        { role: 'user', content: 'Hello penpal' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.7,
      top_p: 1,
    });
  });

  it("resends the branch, preferring the conversation's own system prompt and omitting an empty one", async () => {
    const own = h.store.createConversation({ systemPrompt: 'Speak like a pirate.' });
    await h.exchange(own.id, 'one');
    await h.exchange(own.id, 'two');
    expect(h.lastBody().messages).toEqual([
      { role: 'system', content: 'Speak like a pirate.' },
      { role: 'user', content: 'one' },
      { role: 'assistant', content: 'Echo: one\n\n*— the Penpal test server*' },
      { role: 'user', content: 'two' },
    ]);

    h.config.systemPrompt = '   ';
    const plain = h.store.createConversation();
    await h.exchange(plain.id, 'no system');
    expect(h.lastBody().messages).toEqual([{ role: 'user', content: 'no system' }]);
  });

  it('refuses without a key, storing nothing', async () => {
    await h.vault.clear();
    const { id } = h.store.createConversation();
    await expect(h.chat.send({ conversationId: id, content: 'hi' })).rejects.toMatchObject({
      code: 'no_key',
    });
    expect(h.store.getView(id).messages).toHaveLength(0);
    expect(h.server.requests).toHaveLength(0);
  });

  it('refuses a second send while an answer is streaming in the same conversation', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ delayMs: 30 }]);
    await h.chat.send({ conversationId: id, content: 'first' });
    const second = h.chat.send({ conversationId: id, content: 'second' });
    await expect(second).rejects.toBeInstanceOf(AppError);
    await expect(second).rejects.toMatchObject({ code: 'busy' });
    // Nothing of the refused send was stored: only the first question and its streaming answer.
    const shown = h.store.getView(id).messages;
    expect(shown.map((m) => m.role)).toEqual(['user', 'assistant']);
    expect(shown[0]?.content).toBe('first');
  });

  it('saves the text while it streams, so a crash loses at most a fraction of a second', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ reply: 'x'.repeat(200), chunkSize: 2, delayMs: 10 }]);
    const { assistantMessageId } = await h.chat.send({ conversationId: id, content: 'long' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    const midway = h.store.getMessage(assistantMessageId);
    expect(midway.status).toBe('streaming');
    expect(midway.content.length).toBeGreaterThan(0);
    expect(midway.content.length).toBeLessThan(200);
  });

  it('sends at most ~30 delta events a second for a 250 chunks/s stream', async () => {
    const { id } = h.store.createConversation();
    const reply = 'abcdefghij'.repeat(40);
    h.server.script([{ reply, chunkSize: 1, delayMs: 4 }]);
    const started = performance.now();
    const { assistantMessageId } = await h.chat.send({ conversationId: id, content: 'fast' });
    await h.chat.idle();
    const seconds = (performance.now() - started) / 1000;
    const deltas = h.deltasFor(assistantMessageId);
    expect(deltas.join('')).toBe(reply);
    expect(deltas.length).toBeLessThanOrEqual(Math.ceil(seconds * 31) + 2);
    expect(deltas.length).toBeLessThan(reply.length / 4);
  });
});

describe('ChatService.stop and failures', () => {
  it('stops mid-stream, keeping the partial text as interrupted', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ reply: 'word '.repeat(200), chunkSize: 5, delayMs: 10 }]);
    const { assistantMessageId } = await h.chat.send({ conversationId: id, content: 'go' });
    while (!h.deltasFor(assistantMessageId).length) await new Promise((resolve) => setTimeout(resolve, 5));
    h.chat.stop({ messageId: assistantMessageId });
    await h.chat.idle();
    const message = h.store.getMessage(assistantMessageId);
    expect(message.status).toBe('interrupted');
    expect(message.error).toBeNull();
    expect(message.content.length).toBeGreaterThan(0);
    expect(message.content.length).toBeLessThan(1000);
    expect(h.deltasFor(assistantMessageId).join('')).toBe(message.content);
  });

  it('marks a failure before any text as error, after some text as interrupted', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ status: 500 }]);
    const failed = await h.exchange(id, 'a');
    expect(h.store.getMessage(failed.assistantMessageId)).toMatchObject({
      status: 'error',
      content: '',
      error: { code: 'server_error' },
    });
    expect(doneFor(failed.assistantMessageId)?.payload).toMatchObject({
      status: 'error',
      error: { code: 'server_error' },
    });

    h.server.script([{ reply: 'partial answer here', dropAfterChunks: 2 }]);
    const cut = await h.exchange(id, 'b');
    expect(h.store.getMessage(cut.assistantMessageId)).toMatchObject({
      status: 'interrupted',
      content: 'partial ',
      error: { code: 'incomplete' },
    });

    h.server.script([{ reply: 'stalling answer', stallAfterChunks: 1 }]);
    const stalled = await h.exchange(id, 'c');
    expect(h.store.getMessage(stalled.assistantMessageId)).toMatchObject({
      status: 'interrupted',
      error: { code: 'stalled' },
    });

    // The failed answer is not resent as context.
    expect(
      h
        .lastBody()
        .messages.filter((m) => m.role === 'assistant')
        .map((m) => m.content),
    ).toEqual(['partial ']);
  });

  it('never lets the key into events or stored errors', async () => {
    const badKey = 'sk-invalid-SECRET-penpal-0123456789';
    await h.vault.set(badKey, true);
    const { id } = h.store.createConversation();
    const { assistantMessageId } = await h.exchange(id, 'hi');
    const message = h.store.getMessage(assistantMessageId);
    expect(message.error?.code).toBe('unauthorized');
    const everything = JSON.stringify(h.seen) + JSON.stringify(h.store.getView(id));
    expect(everything).not.toContain(badKey);
    expect(everything).not.toContain('SECRET');
  });

  it('stops streaming when its message is deleted mid-stream', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ reply: 'gone '.repeat(100), delayMs: 10 }]);
    const { assistantMessageId } = await h.chat.send({ conversationId: id, content: 'delete me' });
    await new Promise((resolve) => setTimeout(resolve, 80));
    h.store.deleteMessage(assistantMessageId);
    await h.chat.idle();
    expect(doneFor(assistantMessageId)?.payload.error?.code).toBe('not_found');
    // The conversation is free again.
    await h.exchange(id, 'next');
    expect(h.store.getView(id).messages.at(-1)?.status).toBe('done');
  });

  it('marks streams interrupted on shutdown', async () => {
    const { id } = h.store.createConversation();
    h.server.script([{ reply: 'slow '.repeat(100), delayMs: 20 }]);
    const { assistantMessageId } = await h.chat.send({ conversationId: id, content: 'bye' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    await h.chat.shutdown();
    expect(h.store.getMessage(assistantMessageId).status).toBe('interrupted');
    await expect(h.chat.send({ conversationId: id, content: 'again' })).rejects.toMatchObject({
      code: 'busy',
    });
  });
});
