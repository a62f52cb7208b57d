import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import type { CorePorts } from '../../src/core/ports';
import { createTestCipher, MemoryKeyValueStore } from '../../src/core/testing/memoryPorts';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';
import type { Result } from '../../src/shared/errors';

// The saved key is bound to the origin of the Base URL it was saved for. Whatever calls the
// contract (a compromised renderer, a page holding the browser host's token) cannot make main
// send it anywhere else: server B below must never see a request, let alone one carrying KEY.

const KEY = 'sk-bound-to-server-A-0123456789-QRST';

let serverA: OpenAITestServer;
let serverB: OpenAITestServer;
let core: Core;
let settingsFile: MemoryKeyValueStore;
let cipher: ReturnType<typeof createTestCipher>;

async function startCore(extra: Partial<CorePorts> = {}): Promise<void> {
  core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'penpal-bind-')),
    cipher,
    settingsStore: settingsFile,
    host: 'test',
    version: '0.0.0-test',
    platform: 'linux',
    systemLanguage: 'en',
    ...extra,
  });
}

/** One request over the in-memory wire, as the renderer would make it. */
async function call(method: string, input: unknown = {}): Promise<Result<Record<string, unknown>>> {
  const bridge = createInMemoryBridge(core.dispatcher, core.events);
  try {
    return (await bridge.request(method, input)) as Result<Record<string, unknown>>;
  } finally {
    bridge.close();
  }
}

/** The error code of a failed call (and that it failed). */
async function refusal(method: string, input: unknown = {}): Promise<string> {
  const result = await call(method, input);
  expect(result.ok, `${method} should have been refused`).toBe(false);
  return result.ok ? '' : result.error.code;
}

const carriesKey = (server: OpenAITestServer) =>
  server.requests.some((r) => (r.headers.authorization ?? '').includes(KEY));

beforeEach(async () => {
  [serverA, serverB] = await Promise.all([startOpenAITestServer(), startOpenAITestServer()]);
  settingsFile = new MemoryKeyValueStore();
  cipher = createTestCipher();
});

afterEach(async () => {
  await core?.close();
  await Promise.all([serverA.close(), serverB.close()]);
  vi.restoreAllMocks();
});

/** Saves KEY for server A, as the settings form does: the address first, then the key. */
async function saveKeyForA(): Promise<void> {
  expect((await call('settings.update', { baseURL: serverA.baseURL })).ok).toBe(true);
  expect((await call('settings.setKey', { key: KEY, persist: true })).ok).toBe(true);
}

describe('the saved key is bound to its endpoint', () => {
  it('is refused for another Base URL in settings.testConnection, and that server sees nothing', async () => {
    await startCore();
    await saveKeyForA();
    expect((await call('settings.testConnection', {})).ok).toBe(true);
    expect(carriesKey(serverA)).toBe(true);

    expect(await refusal('settings.testConnection', { baseURL: serverB.baseURL })).toBe(
      'key_not_for_this_address',
    );
    // Same host, another port: another origin.
    expect(serverB.requests).toHaveLength(0);
    const status = (await call('settings.get')) as { ok: true; data: { key: { origin: string } } };
    expect(status.data.key.origin).toBe(new URL(serverA.baseURL).origin);
  });

  it('does not follow a saved Base URL to another origin: models, chat, regenerate and titles', async () => {
    await startCore();
    await saveKeyForA();
    await call('settings.update', { autoTitle: true });
    const conversation = (await call('conversation.create')) as { ok: true; data: { id: string } };
    const id = conversation.data.id;

    // An answer under way when the address changes finishes, and its title call, at A only.
    serverA.script([{ delayMs: 30 }]);
    const sent = (await call('chat.send', { conversationId: id, content: 'Hello' })) as {
      ok: true;
      data: { assistantMessageId: string };
    };
    await call('settings.update', { baseURL: serverB.baseURL });
    await vi.waitFor(async () => {
      const page = (await call('conversation.get', { id })) as {
        ok: true;
        data: { conversation: { title: string } };
      };
      expect(page.data.conversation.title).toBeTruthy();
    });
    expect(serverA.requests.filter((r) => r.path === '/v1/chat/completions')).toHaveLength(2);

    expect(await refusal('models.list')).toBe('key_not_for_this_address');
    expect(await refusal('chat.send', { conversationId: id, content: 'Again' })).toBe(
      'key_not_for_this_address',
    );
    expect(await refusal('chat.regenerate', { messageId: sent.data.assistantMessageId })).toBe(
      'key_not_for_this_address',
    );
    expect(await refusal('settings.testConnection', {})).toBe('key_not_for_this_address');
    expect(serverB.requests).toHaveLength(0);

    // Typing the key again binds it to the new address; from then on A gets nothing.
    const before = serverA.requests.length;
    await call('settings.setKey', { key: KEY, persist: true });
    expect((await call('models.list')).ok).toBe(true);
    expect(carriesKey(serverB)).toBe(true);
    await call('settings.update', { baseURL: serverA.baseURL });
    expect(await refusal('models.list')).toBe('key_not_for_this_address');
    expect(serverA.requests).toHaveLength(before);
  });

  it('binds a session-only key the same way', async () => {
    await startCore();
    await call('settings.update', { baseURL: serverA.baseURL });
    await call('settings.setKey', { key: KEY, persist: false });
    expect(await refusal('settings.testConnection', { baseURL: serverB.baseURL })).toBe(
      'key_not_for_this_address',
    );
    expect(serverB.requests).toHaveLength(0);
  });

  it('follows a new address only after a native confirmation the contract cannot give', async () => {
    const asked: unknown[] = [];
    let answer = false;
    await startCore({
      confirmKeyReuse: async (request) => {
        asked.push(request);
        return answer;
      },
    });
    await saveKeyForA();

    const declined = (await call('settings.reuseKey', { baseURL: serverB.baseURL })) as {
      ok: true;
      data: { confirmed: boolean };
    };
    expect(declined.data.confirmed).toBe(false);
    expect(await refusal('settings.testConnection', { baseURL: serverB.baseURL })).toBe(
      'key_not_for_this_address',
    );
    expect(serverB.requests).toHaveLength(0);

    answer = true;
    await call('settings.reuseKey', { baseURL: serverB.baseURL });
    expect(asked.at(-1)).toEqual({
      from: new URL(serverA.baseURL).origin,
      to: new URL(serverB.baseURL).origin,
      plainHttp: false,
    });
    expect((await call('settings.testConnection', { baseURL: serverB.baseURL })).ok).toBe(true);
    expect(carriesKey(serverB)).toBe(true);
    // The address moved with the key: chat now goes to B, and A is no longer allowed.
    expect((await call('models.list')).ok).toBe(true);
    expect(await refusal('settings.testConnection', { baseURL: serverA.baseURL })).toBe(
      'key_not_for_this_address',
    );
  });

  it('cannot be reused without retyping where the host has no native confirmation', async () => {
    await startCore();
    await saveKeyForA();
    expect(await refusal('settings.reuseKey', { baseURL: serverB.baseURL })).toBe('key_not_for_this_address');
    expect(await refusal('settings.testConnection', { baseURL: serverB.baseURL })).toBe(
      'key_not_for_this_address',
    );
    expect(serverB.requests).toHaveLength(0);
  });

  it('binds a key saved before keys were bound to the saved Base URL, which keeps working', async () => {
    // A settings file written by an older Penpal: the key, no binding.
    settingsFile.set('settings', {
      baseURL: serverA.baseURL,
      model: 'gpt-4o-mini',
      temperature: 1,
      topP: 1,
      maxTokens: null,
      systemPrompt: '',
      language: 'en',
      autoTitle: false,
    });
    settingsFile.set('encryptedKey', await cipher.encrypt(KEY));
    await startCore();
    expect(settingsFile.get('keyBinding')).toEqual({
      origin: new URL(serverA.baseURL).origin,
      plainHttpConfirmed: false,
    });

    const conversation = (await call('conversation.create')) as { ok: true; data: { id: string } };
    expect((await call('chat.send', { conversationId: conversation.data.id, content: 'Hi' })).ok).toBe(true);
    await vi.waitFor(() => expect(carriesKey(serverA)).toBe(true));

    await call('settings.update', { baseURL: serverB.baseURL });
    expect(await refusal('models.list')).toBe('key_not_for_this_address');
    expect(serverB.requests).toHaveLength(0);
  });
});
