import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WS from 'ws';
import type { Core } from '../../src/core/app';
import { createDispatcher, type Dispatcher, type Handlers } from '../../src/core/dispatcher';
import { createEventBus, type EventBus } from '../../src/core/events';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';
import { APP_PAGE_URL, appPage, type AppPage } from '../../src/main/appUrl';
import {
  serveOverIpc,
  type InvokeEventLike,
  type IpcMainLike,
  type WebContentsLike,
} from '../../src/main/ipcAdapter';
import { createIpcBridge, type IpcRendererLike } from '../../src/preload/ipcBridge';
import { createWebSocketBridge } from '../../src/renderer/bridge/webSocketBridge';
import type { RawBridge } from '../../src/shared/bridge';
import { AppError } from '../../src/shared/errors';
import { startWebHost, type WebHost } from '../../src/web/host';

/** A server side for the conformance suite: fake handlers over the real dispatcher. */
export interface TestServerSide {
  dispatcher: Dispatcher;
  events: EventBus;
  /** How many times each fake handler ran. */
  calls: Map<string, number>;
}

/** One transport under test: connects clients to the server side and tears everything down. */
export interface TransportUnderTest {
  connect(): Promise<RawBridge>;
  close(): Promise<void>;
}

/** Builds the fake handlers the suite relies on; the rest are never called. */
export function createServerSide(): TestServerSide {
  const calls = new Map<string, number>();
  const count = (name: string) => calls.set(name, (calls.get(name) ?? 0) + 1);
  const handlers = {
    'app.info': async () => {
      count('app.info');
      return {
        version: '1.2.3',
        host: 'test',
        platform: 'linux',
        dataDir: '/tmp/x',
        systemLanguage: 'zh-CN',
        notices: [],
      };
    },
    // Echoes the parsed input next to values JSON cannot carry as they are.
    'search.query': async (input: unknown) => {
      count('search.query');
      return {
        input,
        when: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
        gone: undefined,
        map: new Map([['a', 1]]),
        nan: Number.NaN,
      };
    },
    'conversation.get': async () => {
      count('conversation.get');
      throw new AppError('not_found', 'No such conversation.');
    },
    'conversation.rename': async () => {
      count('conversation.rename');
      throw new Error('database exploded at /secret/path');
    },
  } as unknown as Handlers;
  return { dispatcher: createDispatcher(handlers), events: createEventBus(), calls };
}

/** The in-memory pair. */
export async function inMemoryTransport(server: TestServerSide): Promise<TransportUnderTest> {
  const clients: ReturnType<typeof createInMemoryBridge>[] = [];
  return {
    async connect() {
      const client = createInMemoryBridge(server.dispatcher, server.events);
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.close();
    },
  };
}

/** The browser host's WebSocket, on a real host on 127.0.0.1, with the renderer's own client. */
export async function webSocketTransport(
  server: TestServerSide,
): Promise<TransportUnderTest & { host: WebHost }> {
  const staticDir = mkdtempSync(join(tmpdir(), 'penpal-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Penpal</title>');
  const core: Core = {
    dispatcher: server.dispatcher,
    events: server.events,
    notices: [],
    close: async () => undefined,
  };
  const host = await startWebHost({ port: 0, staticDir, core });
  const clients: ReturnType<typeof createWebSocketBridge>[] = [];
  return {
    host,
    async connect() {
      const client = createWebSocketBridge(`ws://127.0.0.1:${host.port}/ws?token=${host.token}`, {
        createSocket: (url) => new WS(url, { origin: host.origin }) as unknown as WebSocket,
      });
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.close();
      await host.close();
    },
  };
}

/** A window as the IPC adapter sees it, wired to a fake ipcRenderer for the preload's bridge. */
export interface FakeWindow {
  webContents: WebContentsLike & { destroyed: boolean; mainFrame: { url: string } };
  ipcRenderer: IpcRendererLike;
  /** Overrides who the next requests claim to come from (an iframe, another page). */
  senderFrame: { url: string } | null;
}

/** What a packaged app's window shows. */
export const APP_URL = APP_PAGE_URL;

/** How the fake main process picks the windows that receive events. */
export interface IpcTransportOptions {
  /**
   * `live` (default): only windows not destroyed. `all`: every window opened, destroyed ones
   * included, as a window closing just before the send looks to main (which passes every window's
   * webContents): then only the adapter's own isDestroyed() guard keeps events from it.
   */
  targets?: 'live' | 'all';
  /** Our page, as `src/main/index.ts` builds it; by default a packaged app's (no dev server). */
  page?: AppPage;
  /** The URL a new window shows; by default our page with a route in its hash. */
  windowUrl?: string;
}

/** The Electron adapter driven by a fake ipcMain; each client is a window running the real preload logic. */
export async function ipcTransport(
  server: TestServerSide,
  options: IpcTransportOptions = {},
): Promise<TransportUnderTest & { openWindow(): FakeWindow }> {
  let handler: ((event: InvokeEventLike, ...args: unknown[]) => unknown) | null = null;
  const ipcMain: IpcMainLike = {
    handle: (_channel, listener) => void (handler = listener),
    removeHandler: () => void (handler = null),
  };
  const windows: FakeWindow[] = [];
  const live = () =>
    windows.filter((window) => !window.webContents.destroyed).map((window) => window.webContents);
  // The very wiring the app runs (serveOverIpc over appPage), with a fake ipcMain.
  const unregister = serveOverIpc({
    ipcMain,
    dispatcher: server.dispatcher,
    events: server.events,
    page: options.page ?? appPage({ isPackaged: true, env: {} }),
    getWindows: live,
    getTargets: options.targets === 'all' ? () => windows.map((window) => window.webContents) : undefined,
  });

  const openWindow = (): FakeWindow => {
    const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
    const mainFrame = { url: options.windowUrl ?? `${APP_URL}#/chat` };
    const window: FakeWindow = {
      senderFrame: mainFrame,
      webContents: {
        destroyed: false,
        mainFrame,
        isDestroyed: () => window.webContents.destroyed,
        // Electron copies arguments with structured clone, asynchronously.
        send: (channel, ...args) => {
          const copy = structuredClone(args);
          setTimeout(() => listeners.get(channel)?.forEach((listener) => listener({}, ...copy)), 0);
        },
      },
      ipcRenderer: {
        invoke: async (_channel, ...args) => {
          if (!handler) throw new Error('No handler registered');
          return structuredClone(
            await handler(
              { sender: window.webContents, senderFrame: window.senderFrame },
              ...structuredClone(args),
            ),
          );
        },
        on: (channel, listener) =>
          listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
        removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
      },
    };
    windows.push(window);
    return window;
  };

  return {
    openWindow,
    async connect() {
      return createIpcBridge(openWindow().ipcRenderer);
    },
    async close() {
      unregister();
    },
  };
}
