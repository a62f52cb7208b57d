import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { createTestCipher, MemoryKeyValueStore } from '../../src/core/testing/memoryPorts';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';
import type { Result } from '../../src/shared/errors';
import { startHttpProxy, startSocks5Proxy, type TestProxy } from '../fixtures/loopbackProxies';

// Every model call made by main (models, test connection, chat, titles) goes through the proxy set
// in Settings: the loopback proxies below count the tunnels, the test server sees what arrives.

const KEY = 'sk-through-the-proxy-0123456789-WXYZ';
const USER = { username: 'penpal', password: 'p@ss:word/1' };

let server: OpenAITestServer;
let core: Core;
let settingsFile: MemoryKeyValueStore;
let proxy: TestProxy | null = null;

async function call(method: string, input: unknown = {}): Promise<Result<Record<string, unknown>>> {
  const bridge = createInMemoryBridge(core.dispatcher, core.events);
  try {
    return (await bridge.request(method, input)) as Result<Record<string, unknown>>;
  } finally {
    bridge.close();
  }
}

async function ok(method: string, input: unknown = {}): Promise<Record<string, unknown>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.data;
}

async function errorCode(method: string, input: unknown = {}): Promise<string> {
  const result = await call(method, input);
  expect(result.ok, `${method} should fail`).toBe(false);
  return result.ok ? '' : result.error.code;
}

async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(check(), what).toBe(true);
}

beforeEach(async () => {
  server = await startOpenAITestServer();
  settingsFile = new MemoryKeyValueStore();
  core = await createCore({
    dataDir: mkdtempSync(join(tmpdir(), 'penpal-proxy-')),
    cipher: createTestCipher(),
    settingsStore: settingsFile,
    host: 'test',
    version: '0.0.0-test',
    platform: 'linux',
    systemLanguage: 'en',
  });
  await ok('settings.update', { baseURL: server.baseURL, autoTitle: true });
  await ok('settings.setKey', { key: KEY, persist: true });
});

afterEach(async () => {
  await core.close();
  await server.close();
  await proxy?.close();
  proxy = null;
});

/** Models, test connection, a chat answer and its title: every kind of call main makes. */
async function everyKindOfCall(): Promise<void> {
  await ok('models.list');
  await ok('settings.testConnection');
  const conversation = (await ok('conversation.create')) as { id: string };
  await ok('chat.send', { conversationId: conversation.id, content: 'Hello through the proxy' });
  // The answer, then the title call.
  await until(
    () => server.requests.filter((r) => r.path === '/v1/chat/completions').length >= 2,
    'answer and title',
  );
}

describe.each([
  ['HTTP', startHttpProxy],
  ['SOCKS5', startSocks5Proxy],
])('an %s proxy with a user name and password', (_name, start) => {
  it('carries every model call made by main, and the password is stored only encrypted', async () => {
    proxy = await start(USER);
    const view = await ok('proxy.set', { url: proxy.url, bypass: 'example.com' });
    expect(view.hasPassword).toBe(true);
    expect(String(view.url)).not.toContain(USER.password);
    expect(JSON.stringify(settingsFile.get('proxy'))).not.toContain(USER.password);
    expect(JSON.stringify(settingsFile.get('proxy'))).not.toContain(encodeURIComponent(USER.password));

    await everyKindOfCall();
    const target = new URL(server.baseURL).host;
    // Each request arrived at the server, and each connection to it came through the proxy.
    expect(server.requests.length).toBeGreaterThanOrEqual(4);
    expect(proxy.tunnels.length).toBeGreaterThanOrEqual(1);
    expect(proxy.tunnels.every((tunnel) => tunnel === target)).toBe(true);
    expect(server.requests.every((r) => r.headers.authorization === `Bearer ${KEY}`)).toBe(true);
  });

  it('says proxy_auth for a wrong password, and the server sees nothing', async () => {
    proxy = await start(USER);
    await ok('proxy.set', { url: proxy.url.replace(encodeURIComponent(USER.password), 'wrong') });
    expect(await errorCode('settings.testConnection')).toBe('proxy_auth');
    expect(proxy.refused).toBeGreaterThanOrEqual(1);
    expect(server.requests).toHaveLength(0);
  });

  it('blames the endpoint, not the proxy, when the proxy works but nothing answers at the endpoint', async () => {
    proxy = await start(USER);
    await ok('proxy.set', { url: proxy.url });
    const endpoint = server.baseURL;
    await server.close();
    await ok('settings.update', { baseURL: endpoint });
    const code = await errorCode('settings.testConnection');
    expect(code).not.toMatch(/^proxy_/);
    expect(code).toBe('network');
    expect(proxy.tunnels).toEqual([new URL(endpoint).host]);
  });

  it('keeps the saved password when the URL shown without it is saved again', async () => {
    proxy = await start(USER);
    const view = await ok('proxy.set', { url: proxy.url });
    await ok('proxy.set', { url: String(view.url), bypass: '' });
    await ok('models.list');
    expect(proxy.tunnels.length).toBe(1);
  });
});

describe('the proxy setting', () => {
  it('says proxy_unreachable when nothing listens at the proxy, and the server sees nothing', async () => {
    const down = await startHttpProxy(USER);
    await down.close();
    await ok('proxy.set', { url: down.url });
    expect(await errorCode('settings.testConnection')).toBe('proxy_unreachable');
    expect(server.requests).toHaveLength(0);
  });

  it('connects directly to hosts on the bypass list', async () => {
    proxy = await startHttpProxy(USER);
    await ok('proxy.set', { url: proxy.url, bypass: 'localhost, 127.0.0.0/8' });
    await ok('models.list');
    expect(server.requests).toHaveLength(1);
    expect(proxy.tunnels).toHaveLength(0);
  });

  it('goes direct again once the field is emptied (the system network)', async () => {
    proxy = await startHttpProxy(USER);
    await ok('proxy.set', { url: proxy.url });
    await ok('proxy.set', { url: '' });
    expect(settingsFile.get('proxy')).toBeUndefined();
    await ok('models.list');
    expect(proxy.tunnels).toHaveLength(0);
    expect(server.requests).toHaveLength(1);
  });

  it('refuses an address that is not a proxy, keeping the saved one', async () => {
    proxy = await startHttpProxy(USER);
    await ok('proxy.set', { url: proxy.url });
    expect(await errorCode('proxy.set', { url: 'ftp://host:21' })).toBe('invalid_input');
    expect((settingsFile.get('proxy') as { url: string }).url).toContain(`127.0.0.1:${proxy.port}`);
  });
});
