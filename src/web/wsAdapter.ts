import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Dispatcher } from '../core/dispatcher';
import type { EventBus } from '../core/events';
import { fromWireText, toWireText } from '../core/transport/plainJson';

/**
 * Frames on the browser host's WebSocket (JSON text):
 *  client → host `{type: 'request', id, method, input}`
 *  host → client `{type: 'result', id, result}` (the Result envelope) and `{type: 'event', event}`.
 */
export type ClientFrame = { type: 'request'; id: number; method: string; input: unknown };

/** What `attachWebSocket` needs. */
export interface WebSocketAdapterOptions {
  server: Server;
  dispatcher: Dispatcher;
  events: EventBus;
  /** The per-start secret that must be in the URL (`/ws?token=…`). */
  token: string;
  /** The only Origin allowed to connect: the host's own page (`http://127.0.0.1:PORT`). */
  allowedOrigin(): string;
  /** The socket's path; `/ws` unless told otherwise. */
  path?: string;
}

// The contract allows imports of up to a few hundred MB of base64; anything larger is refused.
const MAX_FRAME_BYTES = 256 * 1024 * 1024;

/**
 * Serves the dispatcher over a WebSocket on the given HTTP server. The upgrade is refused with
 * 401 when the token is wrong and 403 when the Origin is not the host's own page, so another web
 * site in the same browser cannot talk to Penpal. Returns a function that disconnects everyone.
 */
export function attachWebSocket(options: WebSocketAdapterOptions): () => void {
  const path = options.path ?? '/ws';
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  const expectedToken = Buffer.from(options.token);

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer): void => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== path) return refuse(socket, 404, 'Not Found');
    const token = Buffer.from(url.searchParams.get('token') ?? '');
    if (token.length !== expectedToken.length || !timingSafeEqual(token, expectedToken)) {
      return refuse(socket, 401, 'Unauthorized');
    }
    if (request.headers.origin !== options.allowedOrigin()) return refuse(socket, 403, 'Forbidden');
    wss.handleUpgrade(request, socket, head, (ws) => serveClient(ws, options.dispatcher));
  };
  options.server.on('upgrade', onUpgrade);

  const unsubscribe = options.events.subscribe((event) => {
    const text = toWireText({ type: 'event', event });
    for (const client of wss.clients) {
      if (client.readyState === client.OPEN) client.send(text);
    }
  });

  return () => {
    options.server.off('upgrade', onUpgrade);
    unsubscribe();
    for (const client of wss.clients) client.terminate();
    wss.close();
  };
}

// Close codes (RFC 6455 §7.4.1) for a frame that cannot be answered: there is no usable id to
// answer it by, so the connection is closed with the reason instead of leaving the client waiting
// (closing settles every request the client still has open).
const CLOSE_UNSUPPORTED_DATA = 1003;
const CLOSE_INVALID_PAYLOAD = 1007;
const CLOSE_POLICY_VIOLATION = 1008;

function serveClient(ws: WebSocket, dispatcher: Dispatcher): void {
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    const frame = parseFrame(isBinary ? null : String(data));
    if (frame.kind === 'close') return ws.close(frame.closeCode, frame.reason);
    const reply = (result: unknown): void => {
      if (ws.readyState === ws.OPEN) ws.send(toWireText({ type: 'result', id: frame.id, result }));
    };
    if (frame.kind === 'invalid')
      return reply({ ok: false, error: { code: 'invalid_input', message: frame.message } });
    void dispatcher.handle(frame.method, frame.input).then(reply);
  });
}

/** What a client frame turned out to be: a request to answer (maybe with an error), or a reason to close. */
export type ParsedFrame =
  | { kind: 'request'; id: number; method: string; input: unknown }
  | { kind: 'invalid'; id: number; message: string }
  | { kind: 'close'; closeCode: number; reason: string };

/**
 * Reads one client frame. A request whose id is usable (a safe, non-negative integer, which
 * survives the trip back as JSON) but whose method is missing gets an error reply; a frame with no
 * usable id (binary, not JSON, not a request, an id like `"x"` or `1e309`) closes the connection.
 */
export function parseFrame(text: string | null): ParsedFrame {
  if (text === null) {
    return {
      kind: 'close',
      closeCode: CLOSE_UNSUPPORTED_DATA,
      reason: 'frames are JSON text, not binary',
    };
  }
  let value: unknown;
  try {
    value = fromWireText(text);
  } catch {
    return { kind: 'close', closeCode: CLOSE_INVALID_PAYLOAD, reason: 'the frame is not JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { kind: 'close', closeCode: CLOSE_POLICY_VIOLATION, reason: 'the frame is not a JSON object' };
  }
  const frame = value as Partial<Record<keyof ClientFrame, unknown>>;
  if (frame.type !== 'request') {
    return { kind: 'close', closeCode: CLOSE_POLICY_VIOLATION, reason: 'the frame is not a request' };
  }
  const { id } = frame;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return {
      kind: 'close',
      closeCode: CLOSE_POLICY_VIOLATION,
      reason: 'the request has no usable id (a whole number)',
    };
  }
  if (typeof frame.method !== 'string')
    return { kind: 'invalid', id, message: 'The request names no method.' };
  return { kind: 'request', id, method: frame.method, input: frame.input ?? null };
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
