import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { createInMemoryBridge, type InMemoryBridge } from '../../src/core/transport/inMemory';
import { testPorts } from '../fixtures/testCore';

// The context methods through the dispatcher, as the renderer calls them: validation, clear
// errors for bad input, and events.

let server: OpenAITestServer;
let core: Core;
let dataDir: string;
let bridge: InMemoryBridge;
const events: { name: string }[] = [];

type Result = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
const call = async (method: string, input: unknown): Promise<Result> =>
  (await bridge.request(method, input)) as Result;
const data = async <T>(method: string, input: unknown): Promise<T> => {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
};

beforeEach(async () => {
  server = await startOpenAITestServer({ modelFields: { 'penpal-test': { context_length: 4_096 } } });
  dataDir = mkdtempSync(join(tmpdir(), 'penpal-context-'));
  core = await createCore(testPorts(dataDir));
  bridge = createInMemoryBridge(core.dispatcher, core.events);
  events.length = 0;
  bridge.onEvent((event) => events.push(event as { name: string }));
});

afterEach(async () => {
  await core.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('context methods', () => {
  it('preview, send, and the recorded request of the answer, with usage', async () => {
    await data('settings.update', { baseURL: server.baseURL, model: 'gpt-4o-mini' });
    await data('settings.setKey', { key: 'sk-penpal-context-test-0000', persist: false });
    const { id } = await data<{ id: string }>('conversation.create', {});
    // No key is needed to look: a preview is made without any model call.
    const preview = await data<{ parts: { content: string }[]; contextWindow: number }>(
      'chat.previewContext',
      {
        conversationId: id,
        draft: 'Hello there',
      },
    );
    expect(preview.parts.map((p) => p.content)).toEqual(['Hello there']);
    expect(preview.contextWindow).toBe(128_000);
    const { assistantMessageId } = await data<{ assistantMessageId: string }>('chat.send', {
      conversationId: id,
      content: 'Hello there',
    });
    await vi.waitFor(() => expect(events.some((e) => e.name === 'chat.done')).toBe(true));
    const past = await data<{ parts: { role: string; content: string }[] }>('chat.previewContext', {
      conversationId: id,
      answerId: assistantMessageId,
    });
    const body = server.requests.find((r) => r.path === '/v1/chat/completions')?.body as {
      messages: unknown;
    };
    expect(past.parts.map((p) => ({ role: p.role, content: p.content }))).toEqual(body.messages);
    await vi.waitFor(async () =>
      expect(
        (await data<{ answers: number; cost: number }>('usage.conversation', { id })).cost,
      ).toBeGreaterThan(0),
    );
    const monthly = await data<{ months: { total: { answers: number } }[] }>('usage.monthly', {});
    expect(monthly.months[0].total.answers).toBe(1);
  });

  it('memory and dividers are stored and change what is sent', async () => {
    const { id } = await data<{ id: string }>('conversation.create', {});
    const conversation = await data<{ memory: unknown }>('conversation.setMemory', {
      id,
      memory: { strategy: 'last_exchanges', exchanges: 2 },
    });
    expect(conversation.memory).toEqual({ strategy: 'last_exchanges', exchanges: 2 });
    const bad = await call('conversation.setMemory', {
      id,
      memory: { strategy: 'forget_all', exchanges: 2 },
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await call('message.setContextBreak', { messageId: 'nope', enabled: true })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });

  it('the model table: built-ins, server windows, user edits; nonsense refused clearly', async () => {
    const table = await data<{ models: { id: string; source: string }[] }>('models.table', {});
    expect(table.models.find((m) => m.id === 'gpt-4o')?.source).toBe('builtin');
    await data('settings.update', { baseURL: server.baseURL });
    await data('settings.setKey', { key: 'sk-penpal-context-test-0000', persist: false });
    await data('models.list', {});
    const after = await data<{ models: { id: string; contextWindow: number; source: string }[] }>(
      'models.table',
      {},
    );
    expect(after.models.find((m) => m.id === 'penpal-test')).toMatchObject({
      contextWindow: 4_096,
      source: 'server',
    });
    expect(events.some((e) => e.name === 'models.changed')).toBe(true);

    const tooBig = await call('models.setInfo', {
      id: 'mine',
      contextWindow: 2_048,
      maxOutput: 4_096,
      price: null,
    });
    expect(tooBig).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/smaller than the context window/) },
    });
    const negative = await call('models.setInfo', {
      id: 'mine',
      contextWindow: 8_192,
      maxOutput: 1_024,
      price: { input: -3, output: 1, cachedInput: null },
    });
    expect(negative).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const saved = await data('models.setInfo', {
      id: 'mine',
      contextWindow: 8_192,
      maxOutput: 1_024,
      price: { input: 1, output: 2, cachedInput: null },
    });
    expect(saved).toMatchObject({ id: 'mine', source: 'user' });
    await data('models.resetInfo', { id: 'mine' });
    const reset = await data<{ models: { id: string }[] }>('models.table', {});
    expect(reset.models.some((m) => m.id === 'mine')).toBe(false);
  });

  it('summary methods say clearly when there is nothing to edit or no key', async () => {
    const { id } = await data<{ id: string }>('conversation.create', {});
    expect(await call('summary.update', { conversationId: id, text: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'not_found', message: 'There is no summary on this branch yet.' },
    });
    expect(await call('summary.refresh', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'no_key' },
    });
    await data('settings.setKey', { key: 'sk-penpal-context-test-0000', persist: false });
    expect(await data('summary.refresh', { conversationId: id })).toBeNull();
  });
});
