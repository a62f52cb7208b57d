import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WS from 'ws';
import type { Core } from '../../src/core/app';
import { createWebSocketBridge } from '../../src/renderer/bridge/webSocketBridge';
import { startWebHost, type WebHost } from '../../src/web/host';
import { createServerSide } from './transports';

// A malformed frame must never be met with silence: the client would wait for an answer forever.
// Each frame is written as raw text on a raw `ws` client, exactly as a buggy or hostile page would.

let host: WebHost;
const server = createServerSide();

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'penpal-frames-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html>');
  const core: Core = {
    dispatcher: server.dispatcher,
    events: server.events,
    notices: [],
    close: async () => undefined,
  };
  host = await startWebHost({ port: 0, staticDir, core });
});
afterAll(() => host.close());

type Outcome = { reply: unknown } | { closed: number; reason: string } | 'silence';

/** Sends one raw frame on a fresh connection and reports the first thing that comes back. */
function send(frame: string | Buffer): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const ws = new WS(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, { origin: host.origin });
    const timer = setTimeout(() => {
      ws.terminate();
      resolve('silence');
    }, 1500);
    ws.on('open', () => ws.send(frame, { binary: Buffer.isBuffer(frame) }));
    ws.on('message', (data) => {
      clearTimeout(timer);
      resolve({ reply: JSON.parse(String(data)) });
      ws.close();
    });
    ws.on('close', (code, reason) => {
      clearTimeout(timer);
      resolve({ closed: code, reason: reason.toString() });
    });
    ws.on('error', reject);
  });
}

describe('browser host: malformed frames', () => {
  it.each([
    ['not JSON', 'not json', 1007, /not JSON/],
    ['JSON that is not an object', '42', 1008, /not a JSON object/],
    ['an array', '[1,2]', 1008, /not a JSON object/],
    ['an object with no type', '{}', 1008, /not a request/],
    ['another type', '{"type":"result","id":1}', 1008, /not a request/],
    ['a string id', '{"type":"request","id":"x","method":"app.info","input":{}}', 1008, /no usable id/],
    ['no id', '{"type":"request","method":"app.info","input":{}}', 1008, /no usable id/],
    [
      'an id too big for JSON',
      '{"type":"request","id":1e309,"method":"app.info","input":{}}',
      1008,
      /no usable id/,
    ],
    ['a fractional id', '{"type":"request","id":1.5,"method":"app.info","input":{}}', 1008, /no usable id/],
    ['a negative id', '{"type":"request","id":-1,"method":"app.info","input":{}}', 1008, /no usable id/],
  ])('closes the connection with a reason for %s', async (_name, frame, code, reason) => {
    const outcome = await send(frame);
    expect(outcome).toMatchObject({ closed: code });
    expect((outcome as { reason: string }).reason).toMatch(reason);
  });

  it('closes the connection for a binary frame', async () => {
    expect(await send(Buffer.from('{"type":"request","id":1}'))).toMatchObject({ closed: 1003 });
  });

  it('answers a request with a good id but no method with invalid_input, and keeps serving', async () => {
    expect(await send('{"type":"request","id":7,"input":{}}')).toEqual({
      reply: {
        type: 'result',
        id: 7,
        result: { ok: false, error: { code: 'invalid_input', message: expect.any(String) } },
      },
    });
    expect(await send('{"type":"request","id":8,"method":"app.info","input":{}}')).toMatchObject({
      reply: { type: 'result', id: 8, result: { ok: true } },
    });
  });

  it("settles the renderer client's open requests with the reason when the host closes", async () => {
    let socket: WS | null = null;
    const client = createWebSocketBridge(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
      createSocket: (url) => (socket = new WS(url, { origin: host.origin })) as unknown as WebSocket,
    });
    await client.request('app.info', {});
    // The bad frame goes first on the same connection, so the request after it is in flight
    // when the host closes: it must settle, with the host's reason, instead of waiting forever.
    socket!.send('not json');
    const pending = client.request('app.info', {});
    await expect(pending).resolves.toMatchObject({
      ok: false,
      error: { code: 'network', message: expect.stringContaining('not JSON') },
    });
    client.close();
  });
});
