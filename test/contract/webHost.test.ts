import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import type { Core } from '../../src/core/app';
import { startWebHost, type WebHost } from '../../src/web/host';
import { createServerSide } from './transports';

let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  const root = mkdtempSync(join(tmpdir(), 'penpal-host-'));
  staticDir = join(root, 'web');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Penpal</title>');
  writeFileSync(join(staticDir, 'assets', 'index-abc123.js'), 'console.log(1)');
  writeFileSync(join(root, 'secret.txt'), 'top secret');
  const server = createServerSide();
  const core: Core = {
    dispatcher: server.dispatcher,
    events: server.events,
    notices: [],
    close: async () => undefined,
  };
  host = await startWebHost({ port: 0, staticDir, core });
});
afterAll(() => host.close());

/** A raw GET, so the path is sent exactly as written (no client-side normalising). */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
    (resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      });
      req.on('error', reject);
      req.end();
    },
  );
}

/** Tries to open the WebSocket; resolves with 'open' or the HTTP status of the refusal. */
function tryUpgrade(url: string, origin?: string): Promise<'open' | number> {
  return new Promise((resolve) => {
    const ws = new WS(url, origin ? { origin } : {});
    ws.on('open', () => {
      ws.close();
      resolve('open');
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('browser host: the WebSocket', () => {
  it('listens on 127.0.0.1 only and prints a URL with the token', async () => {
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
    const reachable = (address: string) =>
      new Promise<boolean>((resolve) => {
        const socket = connect({ host: address, port: host.port }, () => {
          socket.destroy();
          resolve(true);
        });
        socket.on('error', () => resolve(false));
      });
    expect(await reachable('127.0.0.1')).toBe(true);
    expect(await reachable('::1')).toBe(false);
  });

  it('accepts the right token from its own page', async () => {
    expect(await tryUpgrade(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, host.origin)).toBe('open');
  });

  it('refuses a wrong or missing token with 401', async () => {
    expect(await tryUpgrade(`ws://127.0.0.1:${host.port}/ws?token=wrong`, host.origin)).toBe(401);
    expect(await tryUpgrade(`ws://127.0.0.1:${host.port}/ws`, host.origin)).toBe(401);
  });

  it('refuses another Origin, or none, with 403', async () => {
    const url = `ws://127.0.0.1:${host.port}/ws?token=${host.token}`;
    expect(await tryUpgrade(url, 'https://evil.example')).toBe(403);
    expect(await tryUpgrade(url, `http://localhost:${host.port}`)).toBe(403);
    expect(await tryUpgrade(url)).toBe(403);
  });

  it('refuses an upgrade on another path', async () => {
    expect(await tryUpgrade(`ws://127.0.0.1:${host.port}/other?token=${host.token}`, host.origin)).toBe(404);
  });
});

describe('browser host: the page', () => {
  it('serves index.html with the strict headers', async () => {
    const page = await get('/?token=abc');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Penpal</title>');
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['content-security-policy']).toContain("connect-src 'self'");
    expect(page.headers['content-security-policy']).toContain("script-src 'self';");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['cache-control']).toBe('no-cache');
  });

  it('caches hashed assets for good', async () => {
    const asset = await get('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(asset.headers['cache-control']).toContain('immutable');
  });

  it('falls back to index.html for app routes, but not for missing files', async () => {
    expect((await get('/conversations/abc')).body).toContain('<title>Penpal</title>');
    expect((await get('/assets/missing.js')).status).toBe(404);
  });

  it('refuses paths outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%00',
      '/..%5csecret.txt',
      '/%E0%A4%A',
    ]) {
      const response = await get(path);
      expect([400, 403, 404]).toContain(response.status);
      expect(response.body).not.toContain('top secret');
    }
  });

  it('allows only GET and HEAD', async () => {
    expect((await get('/', {}, 'POST')).status).toBe(405);
    const head = await get('/', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });

  it('refuses a request for another Host name (DNS rebinding)', async () => {
    expect((await get('/', { Host: `evil.example:${host.port}` })).status).toBe(421);
  });
});
