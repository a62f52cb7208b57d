import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import type { StoredSettings } from '../../src/core/ports';
import { createTestCipher, MemoryKeyValueStore } from '../../src/core/testing/memoryPorts';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';
import { DEFAULT_SETTINGS } from '../../src/core/ports';
import type { Result } from '../../src/shared/errors';

// A settings file in today's format (one endpoint, its key and binding) is brought to version 2:
// the endpoint becomes the provider "default", with the same key, and nothing is lost.

const KEY = 'sk-migrated-key-0123456789-ABCD';
let server: OpenAITestServer;
let local: OpenAITestServer;
let core: Core | null = null;

async function call(method: string, input: unknown = {}): Promise<Result<Record<string, unknown>>> {
  const bridge = createInMemoryBridge(core!.dispatcher, core!.events);
  try {
    return (await bridge.request(method, input)) as Result<Record<string, unknown>>;
  } finally {
    bridge.close();
  }
}

async function start(file: MemoryKeyValueStore, cipher = createTestCipher()): Promise<void> {
  core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'penpal-migrate-')),
    cipher,
    settingsStore: file,
    host: 'test',
    version: '0.0.0-test',
    platform: 'linux',
    systemLanguage: 'en',
  });
}

beforeEach(async () => {
  [server, local] = await Promise.all([
    startOpenAITestServer(),
    startOpenAITestServer({ requireKey: false }),
  ]);
});
afterEach(async () => {
  await core?.close();
  core = null;
  await Promise.all([server.close(), local.close()]);
});

describe('the settings file, version 2', () => {
  it('turns today’s single endpoint into the provider "default", keeping the key and every setting', async () => {
    const cipher = createTestCipher();
    const today: StoredSettings = {
      settings: {
        ...DEFAULT_SETTINGS,
        baseURL: server.baseURL,
        model: 'gpt-4o',
        temperature: 0.3,
        systemPrompt: 'Be kind.',
      },
      encryptedKey: await cipher.encrypt(KEY),
      keyBinding: { origin: new URL(server.baseURL).origin, plainHttpConfirmed: false },
    };
    const file = new MemoryKeyValueStore();
    for (const [name, value] of Object.entries(today)) file.set(name as keyof StoredSettings, value as never);
    await start(file, cipher);

    expect(file.get('version')).toBe(2);
    expect(file.get('providers')).toEqual([
      {
        id: 'default',
        kind: 'custom',
        name: new URL(server.baseURL).host,
        baseURL: server.baseURL,
        defaultModel: 'gpt-4o',
        keyless: false,
      },
    ]);
    expect(file.get('settings')).toEqual(today.settings);
    expect(file.get('encryptedKey')).toBe(today.encryptedKey);
    expect(file.get('keyBinding')).toEqual(today.keyBinding);
    expect((await call('models.list')).ok).toBe(true);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);

    // Started again: left as it is.
    await core!.close();
    await start(file, cipher);
    expect(file.get('providers')).toHaveLength(1);
  });

  it('switches between saved providers, and the key stays with its own', async () => {
    const file = new MemoryKeyValueStore();
    await start(file);
    await call('settings.update', { baseURL: server.baseURL });
    await call('settings.setKey', { key: KEY, persist: true });
    expect((await call('provider.addLocal', { baseURL: local.baseURL, model: 'penpal-test' })).ok).toBe(true);
    const listed = (await call('provider.list')) as {
      ok: true;
      data: { providers: { id: string; inUse: boolean }[] };
    };
    expect(listed.data.providers.map((p) => [p.id, p.inUse])).toEqual([
      ['default', false],
      [expect.stringContaining('127-0-0-1'), true],
    ]);
    await call('models.list');
    expect(local.requests.some((r) => (r.headers.authorization ?? '').includes(KEY))).toBe(false);

    // Switching: the other provider's address becomes the Base URL, then back again.
    const localId = listed.data.providers[1]!.id;
    const switched = (await call('provider.use', { id: 'default' })) as {
      ok: true;
      data: { baseURL: string };
    };
    // "default" followed the Base URL typed in the form (the test server), not the first-run one.
    expect(switched.data.baseURL).toBe(server.baseURL);
    const before = local.requests.length;
    expect((await call('provider.use', { id: localId })).ok).toBe(true);
    expect((await call('models.list')).ok).toBe(true);
    expect(local.requests.length).toBe(before + 1);
    expect(await call('provider.use', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    });
  });
});
