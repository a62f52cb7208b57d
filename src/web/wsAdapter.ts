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

function serveClient(ws: WebSocket, dispatcher: Dispatcher): void {
  ws.on('error', () => ws.terminate());
  ws.on('message', (data, isBinary) => {
    const frame = parseFrame(isBinary ? null : String(data));
    if (!frame) return;
    void dispatcher.handle(frame.method, frame.input).then((result) => {
      if (ws.readyState === ws.OPEN) ws.send(toWireText({ type: 'result', id: frame.id, result }));
    });
  });
}

/** A request frame, or null for anything else (which is ignored: there is no id to answer). */
function parseFrame(text: string | null): ClientFrame | null {
  if (text === null) return null;
  let value: unknown;
  try {
    value = fromWireText(text);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const frame = value as Partial<ClientFrame>;
  if (frame.type !== 'request' || typeof frame.id !== 'number' || typeof frame.method !== 'string')
    return null;
  return { type: 'request', id: frame.id, method: frame.method, input: frame.input ?? null };
}

function refuse(socket: Duplex, status: number, reason: string): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
