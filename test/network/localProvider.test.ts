import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { LOCAL_PLACEHOLDER_KEY } from '../../src/core/providers/localProviders';
import { requestCore, testPorts } from '../fixtures/testCore';

// A detected local server is added without a key: chat goes there with a placeholder, and the key
// saved for another endpoint never does.

const KEY = 'sk-saved-for-server-A-0123456789-LMNO';
let remote: OpenAITestServer;
let local: OpenAITestServer;
let core: Core;

const call = (method: string, input: unknown = {}) => requestCore(core, method, input);

beforeEach(async () => {
  [remote, local] = await Promise.all([
    startOpenAITestServer(),
    startOpenAITestServer({ requireKey: false }),
  ]);
  core = await createCore(
    testPorts(mkdtempSync(join(tmpdir(), 'penpal-local-')), {
      detectionProbes: [{ kind: 'ollama', name: 'Ollama', port: local.port }],
    }),
  );
  await call('settings.update', { baseURL: remote.baseURL });
  await call('settings.setKey', { key: KEY, persist: true });
});

afterEach(async () => {
  await core.close();
  await Promise.all([remote.close(), local.close()]);
});

describe('a detected local provider', () => {
  it('is found, added, and answers the models list without ever getting the saved key', async () => {
    const detected = await call('provider.detect');
    expect(detected).toMatchObject({
      ok: true,
      data: { servers: [{ name: 'Ollama', address: `localhost:${local.port}` }] },
    });
    const server = (detected as unknown as { data: { servers: { baseURL: string; models: string[] }[] } })
      .data.servers[0]!;
    expect((await call('provider.addLocal', { baseURL: server.baseURL, model: server.models[0] })).ok).toBe(
      true,
    );
    expect((await call('models.list')).ok).toBe(true);
    expect((await call('settings.testConnection')).ok).toBe(true);
    const authorizations = local.requests.map((r) => r.headers.authorization);
    expect(authorizations).toContain(`Bearer ${LOCAL_PLACEHOLDER_KEY}`);
    expect(authorizations.some((a) => a?.includes(KEY))).toBe(false);
    expect(remote.requests).toHaveLength(0);
  });

  it('a loopback server that was not added still gets nothing (the key stays bound)', async () => {
    await call('settings.update', { baseURL: local.baseURL });
    expect(await call('models.list')).toMatchObject({
      ok: false,
      error: { code: 'key_not_for_this_address' },
    });
    expect(local.requests).toHaveLength(0);
  });

  it('only a server on this computer can be added without a key', async () => {
    expect(await call('provider.addLocal', { baseURL: 'https://example.com/v1' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });
});
