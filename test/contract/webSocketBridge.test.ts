import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WS from 'ws';
import type { Core } from '../../src/core/app';
import { createWebSocketBridge } from '../../src/renderer/bridge/webSocketBridge';
import { startWebHost, type WebHost } from '../../src/web/host';
import { createServerSide } from './transports';

const server = createServerSide();
const core: Core = {
  dispatcher: server.dispatcher,
  events: server.events,
  notices: [],
  close: async () => undefined,
};
const staticDir = mkdtempSync(join(tmpdir(), 'penpal-bridge-'));
writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
const start = (port = 0, token?: string) => startWebHost({ port, staticDir, core, token });
const connect = (host: WebHost) =>
  createWebSocketBridge(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
    createSocket: (url) => new WS(url, { origin: `http://127.0.0.1:${host.port}` }) as unknown as WebSocket,
    reconnectDelayMs: 20,
  });

describe('renderer WebSocket bridge', () => {
  it('reconnects after the host restarts and keeps delivering events', async () => {
    let host = await start();
    const client = connect(host);
    const seen: unknown[] = [];
    client.onEvent((event) => seen.push(event));
    await client.request('app.info', {});
    await host.close();
    host = await start(host.port, host.token);
    await expect.poll(() => client.request('app.info', {}), { timeout: 3000 }).toMatchObject({ ok: true });
    server.events.emit('library.changed', {});
    await expect.poll(() => seen).toEqual([{ name: 'library.changed', payload: {} }]);
    client.close();
    await host.close();
  });

  it('answers with a network error when the host is gone, instead of hanging', async () => {
    const host = await start();
    const client = connect(host);
    await client.request('app.info', {});
    await host.close();
    await expect(client.request('app.info', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'network' },
    });
    client.close();
  });
});
