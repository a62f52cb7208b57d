import { describe, expect, it } from 'vitest';
import { startOpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import type { ContextPreview } from '../../shared/contextSchemas';
import { ChatService } from '../chat/chatService';
import { useChatHarness } from '../chat/chatTestHarness';
import { createEventBus } from '../events';
import { personaFields } from '../personas/testing';
import { MemoryKeyValueStore } from '../testing/memoryPorts';
import { ContextService } from './contextService';
import { ModelTableService } from './modelTableService';
import { FOLD_INSTRUCTION } from './summary';

// The builder behind chat.send, regenerate, edit and chat.previewContext, end to end: real store
// (in memory), real SDK, real loopback server, which records what it received.

const h = useChatHarness();

/** A chat and context service sharing the harness's store, server and settings, over a model table. */
function services(table?: { window: number; maxOutput: number }) {
  const models = new ModelTableService(new MemoryKeyValueStore());
  if (table) {
    models.setUserInfo({
      id: 'gpt-4o-mini',
      contextWindow: table.window,
      maxOutput: table.maxOutput,
      price: null,
    });
  }
  const getConfig = async () => h.config;
  const chat = new ChatService({
    store: h.store,
    events: createEventBus(),
    models,
    getConfig,
    credentialsFor: (baseURL) => h.vault.keyFor(baseURL),
    idleTimeoutMs: 300,
  });
  const context = new ContextService({
    store: h.store,
    models,
    getConfig,
    credentialsFor: (baseURL) => h.vault.keyFor(baseURL),
  });
  const exchange = async (conversationId: string, content: string) => {
    const ids = await chat.send({ conversationId, content });
    await chat.idle();
    return ids;
  };
  return { models, chat, context, exchange };
}

const sent = (preview: ContextPreview) => preview.parts.map((p) => ({ role: p.role, content: p.content }));
const bodyOf = (index: number) =>
  h.chatRequests().at(index)?.body as { messages: { role: string; content: string }[] } & Record<
    string,
    unknown
  >;

describe('chat.previewContext is what is sent', () => {
  it("the next turn's preview deep-equals the messages the server received for it", async () => {
    const { chat, context, exchange } = services();
    const { id } = h.store.createConversation();
    await exchange(id, 'one');
    await exchange(id, 'two');
    const preview = await context.preview({ conversationId: id, draft: 'three' });
    await exchange(id, 'three');
    expect(bodyOf(-1).messages).toEqual(sent(preview));
    expect(preview.parts.at(-1)).toMatchObject({ kind: 'draft', content: 'three' });
    await chat.shutdown();
  });

  it("a past answer's preview is the request that made it, even after later turns", async () => {
    const { chat, context, exchange } = services();
    const { id } = h.store.createConversation();
    const first = await exchange(id, 'first question');
    await exchange(id, 'second question');
    const past = await context.preview({ conversationId: id, answerId: first.assistantMessageId });
    expect(past.answerId).toBe(first.assistantMessageId);
    expect(sent(past)).toEqual(bodyOf(0).messages);
    expect(h.store.getMessage(first.assistantMessageId).contextRecorded).toBe(true);
    // Stored small: the history is kept as message ids, its text read back when shown.
    const stored = JSON.stringify(h.store.getAnswerContext(first.assistantMessageId));
    expect(stored).not.toContain('first question');
    expect(stored).toContain('You are Penpal.');
    // An answer with no recorded request (e.g. imported) says so clearly.
    const other = h.store.createConversation();
    const user = h.store.addMessage({
      conversationId: other.id,
      parentId: null,
      role: 'user',
      content: 'hi',
      status: 'done',
    });
    const old = h.store.addMessage({
      conversationId: other.id,
      parentId: user.id,
      role: 'assistant',
      content: 'yo',
      status: 'done',
    });
    await expect(context.preview({ conversationId: other.id, answerId: old.id })).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('not recorded'),
    });
    await chat.shutdown();
  });

  it("sends the persona's system prompt, examples, sampling and stop sequences, as previewed", async () => {
    const { chat, context, exchange } = services();
    const persona = h.store.personas.create(personaFields());
    const { id } = h.store.createConversation();
    h.store.personas.setForConversation(id, persona.id);
    const preview = await context.preview({ conversationId: id, draft: 'hello' });
    await exchange(id, 'hello');
    const body = bodyOf(-1);
    expect(body.messages).toEqual([
      { role: 'system', content: 'You test things.' },
      { role: 'user', content: 'Ping?' },
      { role: 'assistant', content: 'Pong.' },
      { role: 'user', content: 'hello' },
    ]);
    expect(body.messages).toEqual(sent(preview));
    expect(body).toMatchObject({ stop: ['END'], temperature: 0.3, max_tokens: 200, frequency_penalty: 0.5 });
    await chat.shutdown();
  });
});

describe('every way of asking uses the builder', () => {
  it('regenerate and edit send what they record; a divider starts fresh', async () => {
    const { chat, context, exchange } = services();
    const { id } = h.store.createConversation();
    const first = await exchange(id, 'one');
    const second = await exchange(id, 'two');
    const again = await chat.regenerate({ messageId: second.assistantMessageId });
    await chat.idle();
    const regenerated = await context.preview({ conversationId: id, answerId: again.assistantMessageId });
    expect(sent(regenerated)).toEqual(bodyOf(-1).messages);
    expect(bodyOf(-1).messages.at(-1)).toEqual({ role: 'user', content: 'two' });
    const edited = await chat.edit({ messageId: second.userMessageId as string, content: 'two, edited' });
    await chat.idle();
    expect(sent(await context.preview({ conversationId: id, answerId: edited.assistantMessageId }))).toEqual(
      bodyOf(-1).messages,
    );
    // "Clear context here" after the first answer: only what follows it is sent.
    h.store.setContextBreak(first.assistantMessageId, true);
    const preview = await context.preview({ conversationId: id, draft: 'three' });
    expect(preview.leftOut).toContainEqual(
      expect.objectContaining({ messageId: first.assistantMessageId, reason: 'before_break' }),
    );
    await exchange(id, 'three');
    expect(bodyOf(-1).messages).toEqual([
      { role: 'system', content: 'You are Penpal.' },
      { role: 'user', content: 'two, edited' },
      { role: 'assistant', content: 'Echo: two, edited\n\n*— the Penpal test server*' },
      { role: 'user', content: 'three' },
    ]);
    expect(bodyOf(-1).messages).toEqual(sent(preview));
    await chat.shutdown();
  });
});

describe('fitting the window', () => {
  it('after context_length_exceeded, retries once with fewer messages and says what it dropped', async () => {
    const { chat, context, exchange } = services();
    const { id } = h.store.createConversation();
    for (const text of ['a', 'b', 'c', 'd']) await exchange(id, text);
    h.server.script([{ contextLengthExceeded: true }]);
    const { assistantMessageId } = await exchange(id, 'e');
    const [refused, retried] = h
      .chatRequests()
      .slice(-2)
      .map((r) => (r.body as { messages: unknown[] }).messages);
    expect(retried.length).toBeLessThan(refused.length);
    const answer = h.store.getMessage(assistantMessageId);
    expect(answer.status).toBe('done');
    expect(answer.droppedToFit).toBe(refused.length - retried.length);
    expect(answer.droppedToFit).toBeGreaterThanOrEqual(2);
    const recorded = await context.preview({ conversationId: id, answerId: assistantMessageId });
    expect(sent(recorded)).toEqual(retried);
    expect(recorded.warnings.map((w) => w.code)).toContain('trimmed_after_error');
    expect(recorded.leftOut.filter((e) => e.reason === 'trimmed_after_error')).toHaveLength(
      answer.droppedToFit,
    );
    await chat.shutdown();
  });

  it('a second refusal is shown as it is (one retry only)', async () => {
    const { chat, exchange } = services();
    const { id } = h.store.createConversation();
    for (const text of ['a', 'b', 'c']) await exchange(id, text);
    const before = h.chatRequests().length;
    h.server.script([{ contextLengthExceeded: true }, { contextLengthExceeded: true }]);
    const { assistantMessageId } = await exchange(id, 'd');
    expect(h.chatRequests().length - before).toBe(2);
    expect(h.store.getMessage(assistantMessageId).error?.code).toBe('context_length_exceeded');
    await chat.shutdown();
  });
});

describe('summarize older turns', () => {
  const FAST = { chunkSize: 100_000, delayMs: 0 };
  const long = (label: string) => `${label} ${'kangaroo facts and stories '.repeat(30)}`;

  /** Sends until a send folds (its preview leaves something out), scripting the fold's reply. */
  async function sendUntilFold(
    svc: ReturnType<typeof services>,
    id: string,
    foldBehaviour: Parameters<typeof h.server.script>[0][number],
  ) {
    for (let i = 0; i < 12; i++) {
      const draft = long(`turn ${i}`);
      const preview = await svc.context.preview({ conversationId: id, draft });
      const folds = preview.leftOut.some((e) => e.reason === 'over_budget');
      expect(preview.warnings.some((w) => w.code === 'summary_pending')).toBe(folds);
      // Long echoes stream in one chunk, so the test does not wait on them.
      h.server.script(folds ? [foldBehaviour, FAST] : [FAST]);
      const ids = await svc.exchange(id, draft);
      if (folds) return ids;
    }
    throw new Error('the history never outgrew the budget');
  }

  it('folds older turns into a stored summary that is sent, shown, and follows its branch', async () => {
    const svc = services({ window: 2_000, maxOutput: 100 });
    const { id } = h.store.createConversation();
    h.server.script([FAST]);
    const rootId = (await svc.exchange(id, long('root'))).userMessageId as string;
    h.store.setMemory(id, { strategy: 'summarize', exchanges: 10 });
    const { assistantMessageId } = await sendUntilFold(svc, id, { reply: 'They shared kangaroo facts.' });

    const [fold, answer] = h
      .chatRequests()
      .slice(-2)
      .map((r) => r.body as { messages: { role: string; content: string }[]; stream?: boolean });
    expect(fold.messages[0]).toEqual({ role: 'system', content: FOLD_INSTRUCTION });
    expect(fold.messages[1].content).toContain('User: root kangaroo');
    expect(answer.messages[1]).toEqual({
      role: 'system',
      content: 'Summary of the earlier conversation:\nThey shared kangaroo facts.',
    });
    const [summary] = h.store.listSummaries(id);
    expect(summary).toMatchObject({ text: 'They shared kangaroo facts.', version: 1, edited: false });
    const recorded = await svc.context.preview({ conversationId: id, answerId: assistantMessageId });
    expect(recorded.summary).toMatchObject({ id: summary.id, text: 'They shared kangaroo facts.' });
    expect(sent(recorded)).toEqual(answer.messages);

    // Another version of the first message starts a branch the summary does not cover.
    await svc.chat.edit({ messageId: rootId, content: 'a fresh start' });
    await svc.chat.idle();
    expect(h.chatRequests().at(-1)?.body).toMatchObject({
      messages: [{ role: 'system' }, { role: 'user', content: 'a fresh start' }],
    });
    expect((await svc.context.preview({ conversationId: id })).summary).toBeNull();
    // Back on the summarised branch, its summary applies again, and can be edited.
    h.store.switchVersion(rootId);
    expect((await svc.context.preview({ conversationId: id })).summary?.id).toBe(summary.id);
    const edited = await svc.context.updateSummary(id, 'Edited by hand.');
    expect(edited).toMatchObject({ text: 'Edited by hand.', edited: true, version: 2 });
    expect((await svc.context.preview({ conversationId: id })).parts[1].content).toContain('Edited by hand.');
    // Made anew on request: from the messages themselves, not from the summary being replaced.
    h.server.script([{ reply: 'Remade from the messages.' }]);
    const remade = await svc.context.refreshSummary(id);
    expect(remade).toMatchObject({ text: 'Remade from the messages.', edited: false, version: 3 });
    const refold = h.chatRequests().at(-1)?.body as { messages: { content: string }[] };
    expect(refold.messages[1].content).not.toContain('Edited by hand.');
    expect(refold.messages[1].content).toContain('User: root kangaroo');
    await svc.chat.shutdown();
  });

  it('a summary call that fails falls back to fit_window and says so; the answer still comes', async () => {
    const svc = services({ window: 2_000, maxOutput: 100 });
    const { id } = h.store.createConversation();
    h.store.setMemory(id, { strategy: 'summarize', exchanges: 10 });
    const { assistantMessageId } = await sendUntilFold(svc, id, { status: 500 });
    expect(h.store.getMessage(assistantMessageId).status).toBe('done');
    expect(h.store.listSummaries(id)).toEqual([]);
    const recorded = await svc.context.preview({ conversationId: id, answerId: assistantMessageId });
    expect(recorded.warnings.find((w) => w.code === 'summary_failed')?.message).toMatch(/could not be made/);
    expect(recorded.memory.strategy).toBe('summarize');
    expect(sent(recorded)).toEqual((h.chatRequests().at(-1)?.body as { messages: unknown }).messages);
    await svc.chat.shutdown();
  });
});

describe('model table and usage', () => {
  it('keeps the context lengths a server reports in /v1/models', async () => {
    const server = await startOpenAITestServer({
      models: ['gpt-4o-mini', 'local-llama', 'vllm-model', 'plain'],
      modelFields: {
        'local-llama': { meta: { n_ctx_train: 32_768 } },
        'vllm-model': { max_model_len: 4_096 },
      },
    });
    try {
      const models = new ModelTableService(new MemoryKeyValueStore());
      const chat = new ChatService({
        store: h.store,
        events: createEventBus(),
        models,
        getConfig: async () => ({ ...h.config, baseURL: server.baseURL }),
        credentialsFor: async () => 'sk-test',
      });
      await chat.testConnection({});
      expect(models.resolve('local-llama')).toMatchObject({
        contextWindow: 32_768,
        maxOutput: 8_192,
        source: 'server',
        known: true,
      });
      expect(models.resolve('vllm-model')).toMatchObject({ contextWindow: 4_096, source: 'server' });
      expect(models.resolve('plain')).toMatchObject({ contextWindow: 8_192, known: false });
      // The user's own figures win over the server's, and resetting brings the server's back.
      models.setUserInfo({ id: 'vllm-model', contextWindow: 2_048, maxOutput: 512, price: null });
      expect(models.resolve('vllm-model').contextWindow).toBe(2_048);
      models.resetUserInfo('vllm-model');
      expect(models.resolve('vllm-model').contextWindow).toBe(4_096);
    } finally {
      await server.close();
    }
  });

  it('refuses nonsense figures clearly and ignores damaged stored ones', () => {
    const settings = new MemoryKeyValueStore();
    const models = new ModelTableService(settings);
    expect(() =>
      models.setUserInfo({ id: 'x', contextWindow: 1_000, maxOutput: 4_000, price: null }),
    ).toThrow(/must be smaller than the context window/);
    expect(() =>
      models.setUserInfo({
        id: 'x',
        contextWindow: 8_000,
        maxOutput: 1_000,
        price: { input: 1, output: 2, cachedInput: 5 },
      }),
    ).toThrow(/cached input price/);
    settings.set('modelTable', {
      user: [
        {
          id: 'gpt-4o',
          contextWindow: -5,
          maxOutput: 1,
          price: { input: -1, output: 1, cachedInput: null },
          source: 'user',
        },
      ],
      server: [],
    } as never);
    expect(models.resolve('gpt-4o')).toMatchObject({ contextWindow: 128_000, source: 'builtin' });
  });

  it("saves each answer's cost from the usage chunk at the model's price, summed per conversation and month", async () => {
    const { chat, exchange } = services();
    const { id } = h.store.createConversation();
    const first = await exchange(id, 'how much?');
    await exchange(id, 'and now?');
    const answer = h.store.getMessage(first.assistantMessageId);
    const usage = answer.usage;
    expect(usage?.promptTokens).toBeGreaterThan(0);
    expect(answer.cost).toBeCloseTo(
      ((usage?.promptTokens ?? 0) * 0.15 + (usage?.completionTokens ?? 0) * 0.6) / 1_000_000,
      12,
    );
    const total = h.store.conversationUsage(id);
    expect(total.answers).toBe(2);
    expect(total.cost).toBeCloseTo(
      (total.promptTokens * 0.15 + total.completionTokens * 0.6) / 1_000_000,
      12,
    );
    const month = h.store.monthlyUsage()[0];
    expect(month.month).toMatch(/^\d{4}-\d{2}$/);
    expect(month.total.answers).toBe(2);
    await chat.shutdown();
  });
});
