import type { RawBridge } from '../../shared/bridge';

/** Options for tests and tools; the page itself uses the defaults. */
export interface WebSocketBridgeOptions {
  /** Creates the socket (a test passes one from the `ws` package that can set an Origin). */
  createSocket?: (url: string) => WebSocket;
  /** First delay before reconnecting after a drop; doubles up to 8 s. */
  reconnectDelayMs?: number;
}

/** The WebSocket bridge, which can also be shut down for good. */
export interface WebSocketBridge extends RawBridge {
  close(): void;
}

const closedError = (message: string) => ({ ok: false, error: { code: 'network', message } });

/**
 * The browser host's transport: one WebSocket to the loopback host, authenticated by the token
 * in the page URL (`?token=…`). Requests carry an id and resolve to the Result envelope; events
 * arrive unsolicited. While anyone listens for events, a dropped connection is re-opened.
 * Frames: `{type:'request',id,method,input}` → `{type:'result',id,result}`, `{type:'event',event}`.
 */
export function createWebSocketBridge(url: string, options: WebSocketBridgeOptions = {}): WebSocketBridge {
  const createSocket = options.createSocket ?? ((target: string) => new WebSocket(target));
  const firstDelay = options.reconnectDelayMs ?? 500;
  const listeners = new Set<(event: unknown) => void>();
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  let opening: Promise<WebSocket> | null = null;
  let delay = firstDelay;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let shutDown = false;

  const onFrame = (text: string): void => {
    let frame: { type?: unknown; id?: unknown; result?: unknown; event?: unknown };
    try {
      frame = JSON.parse(text) as typeof frame;
    } catch {
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    if (frame.type === 'result' && typeof frame.id === 'number') {
      pending.get(frame.id)?.(frame.result);
      pending.delete(frame.id);
    } else if (frame.type === 'event') {
      for (const listener of [...listeners]) {
        try {
          listener(frame.event);
        } catch {
          // One broken subscriber must not starve the others.
        }
      }
    }
  };

  const scheduleReconnect = (): void => {
    if (shutDown || listeners.size === 0 || retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect().catch(() => undefined);
    }, delay);
    delay = Math.min(delay * 2, 8000);
  };

  const connect = (): Promise<WebSocket> => {
    if (opening) return opening;
    const attempt = new Promise<WebSocket>((resolve, reject) => {
      if (shutDown) return reject(new Error('The bridge was closed.'));
      const ws = createSocket(url);
      ws.onopen = () => {
        delay = firstDelay;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('Cannot reach the Penpal host.'));
      ws.onmessage = (message) => onFrame(String(message.data));
      ws.onclose = (event) => {
        reject(new Error('Cannot reach the Penpal host.'));
        if (opening === attempt) opening = null;
        // The host closes with a reason when it could not read a frame: pass it on.
        const why = event.reason ? ` (${event.reason})` : '';
        for (const [id, settle] of pending) {
          settle(closedError(`The connection to the Penpal host closed${why}.`));
          pending.delete(id);
        }
        scheduleReconnect();
      };
    });
    opening = attempt;
    return attempt;
  };

  return {
    async request(method, input) {
      let ws: WebSocket;
      try {
        ws = await connect();
      } catch {
        return closedError('Cannot reach the Penpal host. Is `npm run web` still running?');
      }
      if (ws.readyState !== ws.OPEN) return closedError('The connection to the Penpal host closed.');
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'request', id, method, input: input ?? null }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => scheduleReconnect());
      return () => listeners.delete(listener);
    },
    close() {
      shutDown = true;
      if (retryTimer) clearTimeout(retryTimer);
      listeners.clear();
      void opening?.then((ws) => ws.close()).catch(() => undefined);
    },
  };
}
