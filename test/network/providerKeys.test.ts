import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { personaFields } from '../../src/core/personas/testing';
import { requestCore, testPorts } from '../fixtures/testCore';
import type { Output } from '../../src/shared/contract';

// Two saved providers on two origins, each with its own key: a conversation that picks one
// answers (and is titled) there with that provider's key, and the test servers prove that no
// request ever carried the other provider's key, even after an address is edited or removed.

const KEY_A = 'sk-settings-key-for-A-0123456789-AAAA';
const KEY_B = 'sk-own-key-for-Beta-0123456789-BBBB';
let a: OpenAITestServer;
let b: OpenAITestServer;
let core: Core;

const call = (method: string, input: unknown = {}) => requestCore(core, method, input);

async function ok<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.data as T;
}

type Providers = Output<'provider.list'>['providers'];
const providers = async () => (await ok<{ providers: Providers }>('provider.list')).providers;

/** Sends a message and waits until its answer is finished. */
async function chat(conversationId: string, content: string): Promise<void> {
  const started = await ok<{ assistantMessageId: string }>('chat.send', { conversationId, content });
  for (let i = 0; i < 250; i++) {
    const view = await ok<{ messages: { id: string; status: string }[] }>('conversation.get', {
      id: conversationId,
    });
    const answer = view.messages.find((m) => m.id === started.assistantMessageId);
    if (answer && answer.status !== 'streaming') return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the answer never finished');
}

const carries = (server: OpenAITestServer, key: string) =>
  server.requests.filter((r) => (r.headers.authorization ?? '').includes(key)).length;

beforeEach(async () => {
  [a, b] = await Promise.all([
    startOpenAITestServer(),
    startOpenAITestServer({
      models: ['beta-model', 'other'],
      modelFields: { 'beta-model': { context_length: 32768 } },
    }),
  ]);
  core = await createCore(testPorts(mkdtempSync(join(tmpdir(), 'penpal-provkeys-'))));
  await ok('settings.update', { baseURL: a.baseURL });
  await ok('settings.setKey', { key: KEY_A, persist: true });
});

afterEach(async () => {
  await core.close();
  await Promise.all([a.close(), b.close()]);
});

/** Adds provider "Beta" on server B with its own key; returns its id. */
async function addBeta(): Promise<string> {
  const added = await ok<{ id: string; providers: Providers }>('provider.add', {
    name: 'Beta',
    baseURL: b.baseURL,
    defaultModel: 'beta-model',
    key: { key: KEY_B },
  });
  return added.id;
}

describe('a key per provider, a provider per conversation', () => {
  it("answers a conversation with its provider's address, model and key only", async () => {
    const beta = await addBeta();
    const listed = await providers();
    expect(listed.find((p) => p.id === beta)).toMatchObject({
      name: 'Beta',
      inUse: false,
      key: { source: 'own', last4: 'BBBB', stale: false },
    });
    expect(listed.find((p) => p.inUse)).toMatchObject({ key: { source: 'settings', last4: 'AAAA' } });

    const onBeta = await ok<{ id: string }>('conversation.create', {});
    const chosen = await ok('conversation.setProvider', { id: onBeta.id, providerId: beta });
    expect(chosen).toMatchObject({ providerId: beta });
    const preview = await ok<{ model: string }>('chat.previewContext', {
      conversationId: onBeta.id,
      draft: 'hi',
    });
    expect(preview.model).toBe('beta-model');
    await chat(onBeta.id, 'Hello Beta');
    const betaChats = b.requests.filter((r) => r.path === '/v1/chat/completions');
    // The answer and the title call, both with Beta's model and key.
    expect(betaChats.length).toBeGreaterThanOrEqual(1);
    for (const request of betaChats) {
      expect(request.headers.authorization).toBe(`Bearer ${KEY_B}`);
      expect(request.body).toMatchObject({ model: 'beta-model' });
    }

    const onDefault = await ok<{ id: string }>('conversation.create', {});
    await chat(onDefault.id, 'Hello A');
    expect(a.requests.filter((r) => r.path === '/v1/chat/completions').length).toBeGreaterThanOrEqual(1);
    expect(carries(a, KEY_B)).toBe(0);
    expect(carries(b, KEY_A)).toBe(0);
    expect((await providers()).find((p) => p.id === beta)?.conversations).toBe(1);
  });

  it("never sends a provider's key to another origin, even when its address is edited to one", async () => {
    const beta = await addBeta();
    const conversation = await ok<{ id: string }>('conversation.create', {});
    await ok('conversation.setProvider', { id: conversation.id, providerId: beta });
    // Beta now points at server A's origin: its own key stays bound to B's.
    await ok('provider.update', { id: beta, baseURL: `${a.baseURL.replace(/\/v1$/, '')}/beta/v1` });
    expect((await providers()).find((p) => p.id === beta)?.key).toMatchObject({
      source: 'none',
      stale: true,
    });
    const refused = await call('chat.send', { conversationId: conversation.id, content: 'Hi' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'key_not_for_this_address' } });
    expect(carries(a, KEY_B)).toBe(0);
    expect(a.requests).toHaveLength(0);

    // Its key typed again is bound to the new origin, and only then goes there.
    await ok('provider.setKey', { id: beta, key: 'sk-beta-retyped-0123456789-CCCC' });
    expect((await providers()).find((p) => p.id === beta)?.key).toMatchObject({
      source: 'own',
      last4: 'CCCC',
    });
    await ok('provider.clearKey', { id: beta });
    expect((await providers()).find((p) => p.id === beta)?.key.source).toBe('settings');
  });

  it('removing a provider keeps its conversations, which answer with the one in use; the last one stays', async () => {
    const beta = await addBeta();
    const conversation = await ok<{ id: string }>('conversation.create', {});
    await ok('conversation.setProvider', { id: conversation.id, providerId: beta });
    const removed = await ok<{ switchedTo: string | null; conversations: number }>('provider.remove', {
      id: beta,
    });
    expect(removed).toMatchObject({ switchedTo: null, conversations: 1 });
    await chat(conversation.id, 'Still here?');
    expect(carries(a, KEY_A)).toBeGreaterThan(0);
    expect(b.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(0);
    // Undo puts it back with its own key; the conversation finds it again.
    await ok('provider.restore', { id: beta });
    expect((await providers()).find((p) => p.id === beta)).toMatchObject({
      key: { source: 'own', last4: 'BBBB' },
      conversations: 1,
    });
    expect(await call('provider.restore', { id: beta })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
    // Or, removed again, adding the address again brings the choice back (the id is the address's).
    await ok('provider.remove', { id: beta });
    const again = await addBeta();
    expect(again).toBe(beta);
    expect((await providers()).find((p) => p.id === beta)?.conversations).toBe(1);
    expect(await call('provider.restore', { id: beta })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });

    // Removing the provider in use makes another the default; the last one cannot go.
    const inUse = (await providers()).find((p) => p.inUse)!;
    expect(await ok('provider.remove', { id: inUse.id })).toMatchObject({ switchedTo: beta });
    expect(await ok<{ baseURL: string }>('settings.get').then((s) => s)).toMatchObject({
      settings: { baseURL: b.baseURL, model: 'beta-model' },
    });
    expect(await call('provider.remove', { id: beta })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(await call('provider.add', { name: 'Twice', baseURL: b.baseURL, defaultModel: '' })).toMatchObject(
      {
        ok: false,
        error: { code: 'invalid_input', message: expect.stringContaining('Beta') },
      },
    );
  });

  it('a persona with a provider starts its conversations there', async () => {
    const beta = await addBeta();
    const persona = await ok<{ id: string }>(
      'persona.create',
      personaFields({ name: 'Beta fan', providerId: beta }),
    );
    const conversation = await ok<{ id: string; providerId: string }>('conversation.create', {
      personaId: persona.id,
    });
    expect(conversation.providerId).toBe(beta);
    await chat(conversation.id, 'Persona hello');
    expect(b.requests.find((r) => r.path === '/v1/chat/completions')?.headers.authorization).toBe(
      `Bearer ${KEY_B}`,
    );
    expect(carries(a, KEY_B)).toBe(0);
  });

  it('checks what a provider supports with its own key and keeps the answer', async () => {
    const beta = await addBeta();
    const capabilities = await ok('provider.check', { id: beta });
    expect(capabilities).toMatchObject({
      models: ['beta-model', 'other'],
      streamingUsage: true,
      completions: true,
      contextLength: 32768,
    });
    expect(b.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /v1/models',
      'POST /v1/chat/completions',
      'POST /v1/completions',
    ]);
    expect(carries(b, KEY_B)).toBe(3);
    expect((await providers()).find((p) => p.id === beta)?.capabilities).toMatchObject({
      contextLength: 32768,
    });

    // A real answer whose stream carried no usage updates what the list says.
    const conversation = await ok<{ id: string }>('conversation.create', {});
    await ok('conversation.setProvider', { id: conversation.id, providerId: beta });
    b.script([{ noUsage: true }]);
    await chat(conversation.id, 'No usage, please');
    expect((await providers()).find((p) => p.id === beta)?.capabilities?.streamingUsage).toBe(false);
  });

  it('a provider found without /v1/completions refuses a text-template persona before anything is stored', async () => {
    const beta = await addBeta();
    b.script([{}, {}, { status: 404 }]);
    expect(await ok('provider.check', { id: beta })).toMatchObject({
      completions: false,
      streamingUsage: true,
    });
    const persona = await ok<{ id: string }>(
      'persona.create',
      personaFields({
        name: 'Base model',
        providerId: beta,
        promptFormat: 'completion',
        template: { instruction: 'A chat.', userLabel: 'USER', assistantLabel: 'BOT' },
      }),
    );
    const conversation = await ok<{ id: string }>('conversation.create', { personaId: persona.id });
    const before = b.requests.length;
    const refused = await call('chat.send', { conversationId: conversation.id, content: 'Hi' });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: expect.stringContaining('/v1/completions') },
    });
    expect(b.requests).toHaveLength(before);
    // Only the persona's opening message: the refused one was never stored.
    const view = await ok<{ messages: { role: string }[] }>('conversation.get', { id: conversation.id });
    expect(view.messages.filter((m) => m.role === 'user')).toHaveLength(0);
  });

  it('refuses a key over plain http to a public host without consent, and saves no half-added provider', async () => {
    const before = (await providers()).length;
    const refused = await call('provider.add', {
      name: 'Public http',
      baseURL: 'http://models.example.com/v1',
      defaultModel: 'm',
      key: { key: 'sk-public-http-0123456789-HTTP' },
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'key_over_plain_http' } });
    expect(await providers()).toHaveLength(before);
    const consented = await ok<{ id: string; providers: Providers }>('provider.add', {
      name: 'Public http',
      baseURL: 'http://models.example.com/v1',
      defaultModel: 'm',
      key: { key: 'sk-public-http-0123456789-HTTP', allowPlainHttp: true },
    });
    expect(consented.providers.find((p) => p.id === consented.id)?.key).toMatchObject({
      source: 'own',
      last4: 'HTTP',
    });
  });
});
