import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../../src/core/app';
import { envProxySettings } from '../../src/core/net/envProxyFetch';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';
import { createWebPorts } from '../../src/web/webPorts';

// The browser host's "system proxy" (the Proxy field empty) is the environment's HTTP_PROXY /
// NO_PROXY. A tunnelling proxy on loopback resolves the made-up host `models.example.test` to the test server, so a request that arrives
// there can only have come through the proxy.

const KEY = 'sk-env-proxy-0123456789-QRST';
const AUTH = `Basic ${Buffer.from('envuser:env-pass').toString('base64')}`;
let server: OpenAITestServer;
let proxy: Server;
let seen: { url: string; auth: string | undefined }[];
let core: Core | null = null;
let dataDir: string;
const saved = { ...process.env };

/**
 * An HTTP proxy that asks for Basic credentials and tunnels every CONNECT (undici tunnels plain
 * http too) to the test server, whatever host it names: it resolves the names, not the client.
 */
async function startTunnelProxy(target: number): Promise<number> {
  proxy = createServer((_req, res) => void res.writeHead(501).end());
  proxy.on('connect', (req: IncomingMessage, client: Socket, head: Buffer) => {
    seen.push({ url: req.url ?? '', auth: req.headers['proxy-authorization'] });
    if (req.headers['proxy-authorization'] !== AUTH)
      return void client.end('HTTP/1.1 407 Proxy Authentication Required\r\n\r\n');
    const upstream = connect(target, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return (proxy.address() as AddressInfo).port;
}

async function call(method: string, input: unknown = {}) {
  const bridge = createInMemoryBridge(core!.dispatcher, core!.events);
  try {
    return await bridge.request(method, input);
  } finally {
    bridge.close();
  }
}

beforeEach(async () => {
  seen = [];
  server = await startOpenAITestServer();
  dataDir = mkdtempSync(join(tmpdir(), 'penpal-envproxy-'));
});

afterEach(async () => {
  await core?.close();
  core = null;
  process.env = { ...saved };
  await server.close();
  await new Promise((resolve) => proxy?.close(resolve));
  rmSync(dataDir, { recursive: true, force: true });
});

/** The browser host's core, with the environment as `env` says at its start. */
async function startWebCore(env: Record<string, string>): Promise<void> {
  for (const name of ['HTTP_PROXY', 'HTTPS_PROXY', 'NO_PROXY', 'http_proxy', 'https_proxy', 'no_proxy'])
    delete process.env[name];
  Object.assign(process.env, env);
  core = await createCore(createWebPorts(dataDir, { spawnImportWorker: undefined }));
}

describe("the browser host's system proxy", () => {
  it('sends model calls through HTTP_PROXY, with its credentials, when the Proxy field is empty', async () => {
    const port = await startTunnelProxy(server.port);
    await startWebCore({ HTTP_PROXY: `http://envuser:env-pass@127.0.0.1:${port}` });
    const baseURL = `http://models.example.test:${server.port}/v1`;
    await call('settings.update', { baseURL });
    await call('settings.setKey', { key: KEY, persist: true, allowPlainHttp: true });
    const result = await call('models.list');
    expect(result).toMatchObject({ ok: true, data: { models: expect.arrayContaining(['gpt-4o-mini']) } });
    expect(seen).toEqual([{ url: `models.example.test:${server.port}`, auth: AUTH }]);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /v1/models']);
    expect(server.requests[0]!.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('goes direct to hosts on NO_PROXY and to loopback, and a Proxy typed in Settings wins', async () => {
    const port = await startTunnelProxy(server.port);
    await startWebCore({
      http_proxy: `http://envuser:env-pass@127.0.0.1:${port}`,
      NO_PROXY: 'models.example.test',
    });
    // Loopback never goes through the environment's proxy (as in Chromium's system proxy).
    await call('settings.update', { baseURL: server.baseURL });
    await call('settings.setKey', { key: KEY, persist: true });
    expect(await call('models.list')).toMatchObject({ ok: true });
    expect(seen).toHaveLength(0);
    // A NO_PROXY host is looked up directly: the made-up name does not resolve.
    await call('settings.update', { baseURL: `http://models.example.test:${server.port}/v1` });
    await call('settings.setKey', { key: KEY, persist: true, allowPlainHttp: true });
    const direct = await call('models.list');
    expect(direct).toMatchObject({ ok: false, error: { code: 'network' } });
    expect(seen).toHaveLength(0);
    // The Proxy field set: the environment's proxy is left aside for the one typed.
    await call('proxy.set', { url: 'http://127.0.0.1:9' });
    expect(await call('models.list')).toMatchObject({ ok: false, error: { code: 'proxy_unreachable' } });
    expect(seen).toHaveLength(0);
  });

  it('reads the variables as curl does: lower case first, a bare host:port is http', () => {
    expect(envProxySettings({})).toBeNull();
    expect(envProxySettings({ HTTPS_PROXY: 'proxy.lan:3128', https_proxy: 'http://lower:1' })).toEqual({
      httpProxy: undefined,
      httpsProxy: 'http://lower:1',
      noProxy: 'localhost,127.0.0.1,::1',
    });
    expect(envProxySettings({ HTTP_PROXY: 'proxy.lan:3128', NO_PROXY: '.corp' })).toEqual({
      httpProxy: 'http://proxy.lan:3128',
      httpsProxy: undefined,
      noProxy: '.corp,localhost,127.0.0.1,::1',
    });
  });
});
