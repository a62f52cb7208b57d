import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS } from '../../shared/limits';
import { useChatHarness } from './chatTestHarness';

const LIMIT = 1_000;

function doneEvent(harness: ReturnType<typeof useChatHarness>, messageId: string) {
  const done = harness.seen.filter((event) => event.name === 'chat.done');
  expect(done).toHaveLength(1);
  const [event] = done;
  if (event?.name !== 'chat.done' || event.payload.messageId !== messageId) throw new Error('no chat.done');
  return event.payload;
}

describe('an answer longer than the limit (small limit injected)', () => {
  const harness = useChatHarness({ maxAnswerChars: LIMIT });

  it('is stopped at the limit, stored with truncatedChars, and chat.done says so', async () => {
    // 40,000 characters in 10,000 chunks 1 ms apart: sending it all takes over 15 s, longer than
    // this test may run (8 s), so finishing at all shows the stream was stopped, not read to the end.
    harness.server.script([{ reply: 'abcd'.repeat(10_000), chunkSize: 4, delayMs: 1 }]);
    const conversation = harness.store.createConversation();
    const { assistantMessageId } = await harness.exchange(conversation.id, 'Write forever.');

    const done = doneEvent(harness, assistantMessageId);
    expect(done.status).toBe('interrupted');
    expect(done.error).toBeNull();
    expect(done.truncatedChars).toBeGreaterThan(0);

    const stored = harness.store.getMessage(assistantMessageId);
    expect(stored.content).toBe('abcd'.repeat(LIMIT / 4));
    expect(stored.status).toBe('interrupted');
    expect(stored.truncatedChars).toBe(done.truncatedChars);
    // What the window was sent adds up to what was kept, never more.
    expect(harness.deltasFor(assistantMessageId).join('')).toBe(stored.content);
  }, 8_000);

  it('keeps an answer that ends exactly at the limit whole', async () => {
    harness.server.script([{ reply: 'x'.repeat(LIMIT), chunkSize: 50, delayMs: 0 }]);
    const conversation = harness.store.createConversation();
    const { assistantMessageId } = await harness.exchange(conversation.id, 'Exactly enough.');
    const done = doneEvent(harness, assistantMessageId);
    expect(done).toMatchObject({ status: 'done', truncatedChars: 0 });
    expect(harness.store.getMessage(assistantMessageId).truncatedChars).toBe(0);
  });

  it('counts what arrived past the limit in the piece that crossed it', async () => {
    // One 1,500-character piece: 1,000 kept, 500 counted as cut.
    harness.server.script([{ reply: 'y'.repeat(1_500), chunkSize: 1_500, delayMs: 0 }]);
    const conversation = harness.store.createConversation();
    const { assistantMessageId } = await harness.exchange(conversation.id, 'One big piece.');
    expect(doneEvent(harness, assistantMessageId).truncatedChars).toBe(500);
    expect(harness.store.getMessage(assistantMessageId).content).toHaveLength(LIMIT);
  });
});

describe('an answer longer than the real limit', () => {
  const harness = useChatHarness();

  it('is stopped at 2 million characters', async () => {
    harness.server.script([
      { reply: 'z'.repeat(MAX_MESSAGE_CHARS + 100_000), chunkSize: 50_000, delayMs: 0 },
    ]);
    const conversation = harness.store.createConversation();
    const { assistantMessageId } = await harness.exchange(conversation.id, 'Everything, please.');
    const done = doneEvent(harness, assistantMessageId);
    expect(done.status).toBe('interrupted');
    expect(done.truncatedChars).toBeGreaterThan(0);
    const stored = harness.store.getMessage(assistantMessageId);
    expect(stored.content).toHaveLength(MAX_MESSAGE_CHARS);
    expect(stored.truncatedChars).toBe(done.truncatedChars);
  }, 20_000);
});
