import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RawBridge } from '../../src/shared/bridge';
import {
  createServerSide,
  inMemoryTransport,
  ipcTransport,
  webSocketTransport,
  type TestServerSide,
  type TransportUnderTest,
} from './transports';

/** Resolves with the next event a client receives (or fails after a while). */
function nextEvent(client: RawBridge): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no event arrived')), 3000);
    const stop = client.onEvent((event) => {
      clearTimeout(timer);
      stop();
      resolve(event);
    });
  });
}

/**
 * The one conformance suite: every transport must behave the same for the renderer — the same
 * envelope, the same errors, the same events, the same plain-JSON data.
 */
function conformance(name: string, start: (server: TestServerSide) => Promise<TransportUnderTest>): void {
  describe(`transport conformance: ${name}`, () => {
    let server: TestServerSide;
    let transport: TransportUnderTest;
    let client: RawBridge;

    beforeEach(async () => {
      server = createServerSide();
      transport = await start(server);
      client = await transport.connect();
    });
    afterEach(async () => {
      await transport.close();
    });

    it('round-trips a request in the {ok, data} envelope', async () => {
      await expect(client.request('app.info', {})).resolves.toEqual({
        ok: true,
        data: {
          version: '1.2.3',
          host: 'test',
          platform: 'linux',
          dataDir: '/tmp/x',
          systemLanguage: 'zh-CN',
          notices: [],
        },
      });
    });

    it('answers invalid input with invalid_input and never calls the handler', async () => {
      const result = await client.request('app.info', { extra: true });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      const wrongType = await client.request('search.query', { query: 42 });
      expect(wrongType).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
      expect(server.calls.size).toBe(0);
    });

    it('answers an unknown method with invalid_input', async () => {
      for (const method of ['app.nope', '__proto__', 'constructor', '']) {
        expect(await client.request(method, {})).toMatchObject({
          ok: false,
          error: { code: 'invalid_input' },
        });
      }
    });

    it('keeps the code and message of an AppError', async () => {
      expect(await client.request('conversation.get', { id: 'c1' })).toEqual({
        ok: false,
        error: { code: 'not_found', message: 'No such conversation.' },
      });
    });

    it('turns a plain Error into `internal` without a stack', async () => {
      const result = (await client.request('conversation.rename', { id: 'c1', title: 'x' })) as {
        ok: boolean;
        error: Record<string, unknown>;
      };
      expect(result.ok).toBe(false);
      expect(result.error.code).toBe('internal');
      expect(result.error).not.toHaveProperty('stack');
      expect(JSON.stringify(result)).not.toMatch(/\n\s+at /);
    });

    it('carries plain JSON only, with defaults applied to the input', async () => {
      const result = await client.request('search.query', { query: '猫', when: undefined });
      expect(result).toEqual({
        ok: true,
        data: {
          input: { query: '猫', titlesOnly: false, limit: 50 },
          when: '2024-01-02T03:04:05.000Z',
          map: {},
          nan: null,
        },
      });
    });

    it('delivers events to the client as plain JSON', async () => {
      const arriving = nextEvent(client);
      await client.request('app.info', {}); // the connection is up before the event is sent
      server.events.emit('chat.delta', { conversationId: 'c1', messageId: 'm1', delta: '学校 🐱' });
      await expect(arriving).resolves.toEqual({
        name: 'chat.delta',
        payload: { conversationId: 'c1', messageId: 'm1', delta: '学校 🐱' },
      });
    });

    it('delivers every event to every client, in order', async () => {
      const other = await transport.connect();
      const seen: unknown[][] = [[], []];
      [client, other].forEach((each, index) => each.onEvent((event) => seen[index]?.push(event)));
      await Promise.all([client.request('app.info', {}), other.request('app.info', {})]);
      server.events.emit('library.changed', {});
      server.events.emit('conversation.changed', { id: 'c2' });
      await expect.poll(() => seen.map((events) => events.length)).toEqual([2, 2]);
      for (const events of seen) {
        expect(events).toEqual([
          { name: 'library.changed', payload: {} },
          { name: 'conversation.changed', payload: { id: 'c2' } },
        ]);
      }
    });

    it('stops delivering after unsubscribe', async () => {
      const seen: unknown[] = [];
      const stop = client.onEvent((event) => seen.push(event));
      await client.request('app.info', {});
      stop();
      const still = nextEvent(client);
      server.events.emit('settings.changed', {});
      await still;
      expect(seen).toEqual([]);
    });
  });
}

conformance('in-memory', inMemoryTransport);
conformance('WebSocket (browser host on 127.0.0.1)', webSocketTransport);
conformance('Electron IPC (fake ipcMain, real preload bridge)', ipcTransport);
