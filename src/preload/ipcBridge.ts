import type { RawBridge } from '../shared/bridge';
import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../shared/channels';

/** The part of Electron's ipcRenderer the bridge uses (a fake one in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const NETWORK_ERROR = {
  ok: false,
  error: { code: 'network', message: 'The Penpal main process did not answer.' },
};

/**
 * The renderer's side of IPC: forwards any method on the request channel and every event from the
 * event channel. It knows no method names; inputs, results and events travel as JSON text.
 */
export function createIpcBridge(ipc: IpcRendererLike): RawBridge {
  const listeners = new Set<(event: unknown) => void>();
  const onMessage = (_event: unknown, text: unknown): void => {
    if (typeof text !== 'string') return;
    const event = JSON.parse(text) as unknown;
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch {
        // One broken subscriber must not starve the others.
      }
    }
  };

  return {
    async request(method, input) {
      try {
        const text = await ipc.invoke(IPC_REQUEST_CHANNEL, String(method), JSON.stringify(input ?? null));
        return typeof text === 'string' ? (JSON.parse(text) as unknown) : NETWORK_ERROR;
      } catch {
        return NETWORK_ERROR;
      }
    },
    onEvent(listener) {
      if (listeners.size === 0) ipc.on(IPC_EVENT_CHANNEL, onMessage);
      listeners.add(listener);
      return () => {
        if (listeners.delete(listener) && listeners.size === 0)
          ipc.removeListener(IPC_EVENT_CHANNEL, onMessage);
      };
    },
  };
}
