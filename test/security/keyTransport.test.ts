import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { createOpenAIClient } from '../../src/core/chat/openaiClient';
import type { Result } from '../../src/shared/errors';
import { requestCore, testPorts } from '../fixtures/testCore';

// How the key travels: over plain http only to this computer or the local network unless the
// user confirmed it, and never shaped by OPENAI_* environment variables.

const KEY = 'sk-transport-0123456789-LMNO';
const PUBLIC_HTTP = 'http://example.com/v1';

let server: OpenAITestServer;
let core: Core;
/** Every URL fetch was asked for; anything not on loopback is refused here, so nothing leaves. */
let fetched: { url: string; authorization: string | null }[];

beforeEach(async () => {
  server = await startOpenAITestServer();
  fetched = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    fetched.push({ url, authorization: new Headers(init?.headers).get('authorization') });
    if (new URL(url).hostname !== '127.0.0.1') throw new TypeError('fetch failed (blocked by the test)');
    return realFetch(input, init);
  });
  core = await createCore(testPorts(mkdtempSync(join(tmpdir(), 'penpal-transport-'))));
});

afterEach(async () => {
  await core.close();
  await server.close();
  vi.restoreAllMocks();
});

const call = (method: string, input: unknown = {}) => requestCore<unknown>(core, method, input);

const codeOf = (result: Result<unknown>) => (result.ok ? 'ok' : result.error.code);

describe('plain http', () => {
  it('carries the key to loopback', async () => {
    await call('settings.update', { baseURL: `http://127.0.0.1:${server.port}/v1` });
    await call('settings.setKey', { key: KEY, persist: true });
    expect(codeOf(await call('models.list'))).toBe('ok');
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('refuses a public http host before any network unless the user confirmed it', async () => {
    await call('settings.update', { baseURL: PUBLIC_HTTP });
    await call('settings.setKey', { key: KEY, persist: true });
    expect(codeOf(await call('models.list'))).toBe('key_over_plain_http');
    expect(codeOf(await call('settings.testConnection', {}))).toBe('key_over_plain_http');
    // A key typed into the form follows the same rule.
    expect(codeOf(await call('settings.testConnection', { key: 'sk-typed-9876' }))).toBe(
      'key_over_plain_http',
    );
    expect(fetched).toEqual([]);

    // Confirmed (the form's checkbox, sent with the key typed for this address): it may go.
    await call('settings.setKey', { key: KEY, persist: true, allowPlainHttp: true });
    expect(codeOf(await call('models.list'))).toBe('network');
    expect(fetched).toEqual([{ url: `${PUBLIC_HTTP}/models`, authorization: `Bearer ${KEY}` }]);
  });

  it('does not carry a plain-http confirmation over to https or another host', async () => {
    await call('settings.update', { baseURL: PUBLIC_HTTP });
    await call('settings.setKey', { key: KEY, persist: true, allowPlainHttp: true });
    await call('settings.update', { baseURL: 'http://example.org/v1' });
    expect(codeOf(await call('models.list'))).toBe('key_not_for_this_address');
    expect(fetched).toEqual([]);
  });
});

describe('OPENAI_* environment variables', () => {
  const planted: Record<string, string> = {};
  afterEach(() => {
    for (const name of Object.keys(planted)) delete process.env[name];
  });

  it('change nothing main sends', async () => {
    const decoy = await startOpenAITestServer();
    try {
      Object.assign(planted, {
        OPENAI_BASE_URL: decoy.baseURL,
        OPENAI_API_KEY: 'sk-from-the-environment',
        OPENAI_ADMIN_KEY: 'sk-admin-from-the-environment',
        OPENAI_ORG_ID: 'org-evil',
        OPENAI_PROJECT_ID: 'proj-evil',
        OPENAI_WEBHOOK_SECRET: 'whsec-evil',
        OPENAI_LOG: 'debug',
        OPENAI_CUSTOM_HEADERS: 'x-evil: 1\nAuthorization: Bearer sk-stolen\nUser-Agent: evil',
      });
      Object.assign(process.env, planted);
      const logs = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
      vi.spyOn(console, 'info').mockImplementation(() => undefined);

      await call('settings.update', { baseURL: server.baseURL, autoTitle: true });
      await call('settings.setKey', { key: KEY, persist: true });
      expect(codeOf(await call('settings.testConnection', {}))).toBe('ok');
      expect(codeOf(await call('models.list'))).toBe('ok');
      const created = (await call('conversation.create')) as { ok: true; data: { id: string } };
      expect(codeOf(await call('chat.send', { conversationId: created.data.id, content: 'Hi' }))).toBe('ok');
      await vi.waitFor(() =>
        expect(server.requests.filter((r) => r.path.endsWith('/chat/completions'))).toHaveLength(2),
      );

      expect(decoy.requests).toHaveLength(0);
      expect(server.requests.length).toBeGreaterThanOrEqual(4);
      for (const request of server.requests) {
        expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
        expect(request.headers['x-evil']).toBeUndefined();
        expect(request.headers['openai-organization']).toBeUndefined();
        expect(request.headers['openai-project']).toBeUndefined();
        expect(request.headers['user-agent']).toMatch(/^OpenAI\/JS /);
      }
      expect(logs).not.toHaveBeenCalled();
    } finally {
      await decoy.close();
    }
  });
});

describe('the SDK client', () => {
  it('sends nothing to an origin other than its Base URL, even for an absolute path', async () => {
    const other = await startOpenAITestServer();
    try {
      const client = createOpenAIClient({ baseURL: server.baseURL, apiKey: KEY });
      await expect(client.get(`${other.baseURL}/models`)).rejects.toMatchObject({
        code: 'key_not_for_this_address',
      });
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
    }
  });
});
