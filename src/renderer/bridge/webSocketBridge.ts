import type { RawBridge } from '../../shared/bridge';

/**
 * The browser host's transport: one WebSocket to the loopback host, authenticated by the token
 * in the page URL (`?token=…`). Requests carry an id; events arrive unsolicited.
 */
export function createWebSocketBridge(url: string): RawBridge {
  const listeners = new Set<(event: unknown) => void>();
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  let socket: WebSocket | null = null;
  let opened: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> => {
    if (opened) return opened;
    opened = new Promise((resolve, reject) => {
      const ws = new WebSocket(url);
      ws.onopen = () => {
        socket = ws;
        resolve(ws);
      };
      ws.onerror = () => reject(new Error('Cannot reach the Penpal host.'));
      ws.onclose = () => {
        socket = null;
        opened = null;
        for (const [id, settle] of pending) {
          settle({ ok: false, error: { code: 'network', message: 'The connection to the Penpal host closed.' } });
          pending.delete(id);
        }
      };
      ws.onmessage = (message) => {
        const data: unknown = JSON.parse(String(message.data));
        if (typeof data !== 'object' || data === null) return;
        const frame = data as { type?: string; id?: number; result?: unknown; event?: unknown };
        if (frame.type === 'result' && typeof frame.id === 'number') {
          pending.get(frame.id)?.(frame.result);
          pending.delete(frame.id);
        } else if (frame.type === 'event') {
          for (const listener of listeners) listener(frame.event);
        }
      };
    });
    return opened;
  };

  return {
    async request(method, input) {
      const ws = socket ?? (await connect());
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        ws.send(JSON.stringify({ type: 'request', id, method, input }));
      });
    },
    onEvent(listener) {
      listeners.add(listener);
      void connect().catch(() => undefined);
      return () => listeners.delete(listener);
    },
  };
}
