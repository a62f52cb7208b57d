import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/app';
import { spawnSourceEngine } from '../../src/core/localModel/spawnNode';
import { writeTinyGguf } from '../../src/core/localModel/testing/tinyGguf';
import type { AnyEvent } from '../../src/shared/contract';
import { callCore, testPorts } from '../fixtures/testCore';
import { BUILTIN_BASE_URL } from '../../src/shared/contract/localModel';
import type { ContextPreview } from '../../src/shared/contextSchemas';

// "On this computer" through core, as the window uses it: add the tiny model, use it, chat, stop,
// and see the inspector count with the model's own tokenizer and fit its 256-token window.

let core: Core;
let dataDir: string;
const seen: AnyEvent[] = [];

const call = <T = Record<string, unknown>>(method: string, input: unknown = {}) =>
  callCore<T>(core, method, input);

async function done(messageId: string): Promise<Extract<AnyEvent, { name: 'chat.done' }>['payload']> {
  for (let i = 0; i < 1200; i++) {
    const event = seen.find((e) => e.name === 'chat.done' && e.payload.messageId === messageId);
    if (event?.name === 'chat.done') return event.payload;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(
    `no chat.done: ${JSON.stringify(seen.map((e) => e.name + ':' + JSON.stringify(e.payload).slice(0, 200)).slice(-8))}`,
  );
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'penpal-localchat-'));
  core = await createCore(
    testPorts(dataDir, {
      spawnLocalEngine: spawnSourceEngine,
      localEngineThreads: 1,
    }),
  );
  core.events.subscribe((event) => seen.push(event));
});

afterAll(async () => {
  await core.close();
});

describe('chatting with the model on this computer', { timeout: 120_000 }, () => {
  it('refuses a file that is not a model, and nothing changes', async () => {
    const path = join(dataDir, 'diary.gguf');
    writeFileSync(path, 'Dear diary');
    await expect(call('localModel.addFile', { path })).rejects.toMatchObject({ code: 'local_model_invalid' });
    expect((await call<{ models: unknown[] }>('localModel.get')).models).toEqual([]);
  });

  it('adds the model, makes it the provider, and streams an answer with no key saved', async () => {
    const path = writeTinyGguf(join(dataDir, 'tiny-chat.gguf'));
    const view = await call<{ models: { id: string }[] }>('localModel.addFile', { path });
    expect(view.models.map((m) => m.id)).toEqual(['tiny-chat']);
    await call('settings.update', { baseURL: 'https://api.example.com/v1', model: 'gpt-4o' });
    const settings = await call<{ baseURL: string; model: string }>('localModel.use', { id: 'tiny-chat' });
    expect(settings).toMatchObject({ baseURL: BUILTIN_BASE_URL, model: 'tiny-chat' });
    // A provider of its own: the endpoint saved before keeps its address.
    const { providers } = await call<{ providers: { kind: string; baseURL: string; inUse: boolean }[] }>(
      'provider.list',
    );
    expect(providers).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'builtin', baseURL: BUILTIN_BASE_URL, inUse: true }),
        expect.objectContaining({ baseURL: 'https://api.example.com/v1', inUse: false }),
      ]),
    );

    const conversation = await call<{ id: string }>('conversation.create', {});
    const sent = await call<{ assistantMessageId: string }>('chat.send', {
      conversationId: conversation.id,
      content: 'Hello, little model',
    });
    const result = await done(sent.assistantMessageId);
    expect(result.error).toBeNull();
    expect(result.status).toBe('done');
    expect(result.usage?.completionTokens).toBeGreaterThan(0);
    const deltas = seen.filter(
      (e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessageId,
    );
    expect(deltas.length).toBeGreaterThan(0);
    // "Test connection" in Settings reaches the engine behind the placeholder address.
    expect(await call('settings.testConnection', { baseURL: BUILTIN_BASE_URL })).toMatchObject({
      models: ['tiny-chat'],
      modelFound: true,
    });
    expect(
      (await call<{ engine: { state: string; contextWindow: number } }>('localModel.get')).engine,
    ).toMatchObject({
      state: 'ready',
      contextWindow: 256,
    });
  });

  it('counts with the model tokenizer and fits the 256-token window', async () => {
    const conversation = await call<{ id: string }>('conversation.create', {});
    const preview = await call<ContextPreview>('chat.previewContext', {
      conversationId: conversation.id,
      draft: 'the the the the',
    });
    expect(preview.contextWindow).toBe(256);
    expect(preview.counting).toMatchObject({ encoding: 'model', estimated: false });
    // The tiny vocabulary's merges rank "t h" before "h e": "the" is th+e, " the" Ġ+th+e, so 11
    // tokens (an estimate would say 4), plus the template's framing.
    const draft = preview.parts.find((p) => p.kind === 'draft');
    expect(draft?.tokens).toBe(11 + preview.counting.perMessage);

    // A long history: the builder leaves the oldest out so the request fits.
    for (let i = 0; i < 3; i++) {
      const sent = await call<{ assistantMessageId: string }>('chat.send', {
        conversationId: conversation.id,
        content: `message ${i} ${'word '.repeat(40)}`,
      });
      await done(sent.assistantMessageId);
    }
    const fitted = await call<ContextPreview>('chat.previewContext', {
      conversationId: conversation.id,
      draft: 'and now?',
    });
    expect(fitted.leftOut.length).toBeGreaterThan(0);
    expect(fitted.totalTokens + fitted.maxOutput).toBeLessThanOrEqual(256);
  });

  it('stops an answer (Stop) and keeps what came', async () => {
    const conversation = await call<{ id: string }>('conversation.create', {});
    const sent = await call<{ assistantMessageId: string }>('chat.send', {
      conversationId: conversation.id,
      content: 'Tell me everything',
    });
    for (let i = 0; i < 400; i++) {
      if (seen.some((e) => e.name === 'chat.delta' && e.payload.messageId === sent.assistantMessageId)) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    await call('chat.stop', { messageId: sent.assistantMessageId });
    const result = await done(sent.assistantMessageId);
    expect(['interrupted', 'done']).toContain(result.status);
  });

  it('forgets a picked file when it is removed (the file itself is the user’s and stays)', async () => {
    const path = join(dataDir, 'tiny-chat.gguf');
    const view = await call<{ models: unknown[]; engine: { state: string } }>('localModel.delete', {
      id: 'tiny-chat',
    });
    expect(view.models).toEqual([]);
    expect(view.engine.state).toBe('stopped');
    expect(existsSync(path)).toBe(true);
    // Nothing is chosen any more: chat says so instead of guessing.
    const conversation = await call<{ id: string }>('conversation.create', {});
    await expect(
      call('chat.send', { conversationId: conversation.id, content: 'Still there?' }),
    ).rejects.toMatchObject({
      code: 'not_found',
      message: expect.stringContaining('Choose one in Settings'),
    });
  });
});
