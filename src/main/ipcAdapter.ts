import { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../shared/contract';
import type { Result } from '../shared/errors';
import type { Dispatcher } from '../core/dispatcher';
import type { EventBus } from '../core/events';
import { fromWireText, toWireText } from '../core/transport/plainJson';
import type { AppPage } from './appUrl';

// Only structural types here (no `electron` import at all), so Node tests can drive the adapter
// with a fake ipcMain; `src/main/index.ts` passes the real one, which type-checks against these.

/** The part of a frame (Electron's WebFrameMain) the sender check reads. */
export interface FrameLike {
  readonly url: string;
}

/** The part of Electron's WebContents the adapter uses. */
export interface WebContentsLike {
  readonly mainFrame: FrameLike;
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** The part of Electron's IpcMainInvokeEvent the sender check reads. */
export interface InvokeEventLike {
  readonly sender: WebContentsLike;
  readonly senderFrame: FrameLike | null;
}

/** The part of Electron's ipcMain the adapter uses. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEventLike, ...args: unknown[]) => unknown): void;
  removeHandler(channel: string): void;
}

/** What `registerIpc` needs. */
export interface IpcAdapterOptions {
  ipcMain: IpcMainLike;
  dispatcher: Dispatcher;
  events: EventBus;
  /** True only for our own window's top frame showing our own page. */
  isTrustedSender(event: InvokeEventLike): boolean;
  /** Every window that should receive events. */
  getTargets(): WebContentsLike[];
}

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This request did not come from a Penpal window.' },
};

/**
 * Serves the dispatcher over Electron IPC: one `handle` channel for requests (answered with the
 * Result envelope as JSON text) and one `send` channel for events to every live window. The
 * preload sends the input as JSON text too, so IPC carries exactly what the WebSocket carries.
 * Returns a function that unregisters both.
 */
export function registerIpc(options: IpcAdapterOptions): () => void {
  const { ipcMain, dispatcher, events } = options;

  ipcMain.handle(IPC_REQUEST_CHANNEL, async (event, method, inputText) => {
    if (!options.isTrustedSender(event)) return toWireText(FORBIDDEN);
    let input: unknown;
    try {
      input = typeof inputText === 'string' ? fromWireText(inputText) : undefined;
    } catch {
      input = undefined;
    }
    if (input === undefined) {
      return toWireText({ ok: false, error: { code: 'invalid_input', message: 'The input is not JSON.' } });
    }
    return toWireText(await dispatcher.handle(method, input));
  });

  const unsubscribe = events.subscribe((event) => {
    const text = toWireText(event);
    for (const target of options.getTargets()) {
      // A window closing between the lookup and the send must not stop the others.
      try {
        if (!target.isDestroyed()) target.send(IPC_EVENT_CHANNEL, text);
      } catch {
        // ignored: that window is gone
      }
    }
  });

  return () => {
    ipcMain.removeHandler(IPC_REQUEST_CHANNEL);
    unsubscribe();
  };
}

/**
 * The standard sender check: the message comes from one of our windows, from its top frame (not
 * an iframe), and that frame shows our app's page.
 */
export function createSenderCheck(options: {
  getWindows(): WebContentsLike[];
  isAppUrl(url: string): boolean;
}): (event: InvokeEventLike) => boolean {
  return (event) => {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame) return false;
    if (!options.getWindows().includes(event.sender)) return false;
    return options.isAppUrl(frame.url);
  };
}

/** What `serveOverIpc` needs: the platform's ipcMain, core, our windows and our page. */
export interface ServeOverIpcOptions {
  ipcMain: IpcMainLike;
  dispatcher: Dispatcher;
  events: EventBus;
  /** Our page for this run (`appPage()`): a sender showing anything else is refused. */
  page: Pick<AppPage, 'isAppUrl'>;
  /** Our live windows: only they may send, and they receive the events. */
  getWindows(): WebContentsLike[];
  /** Who receives events, when not exactly `getWindows` (tests pass closed windows too). */
  getTargets?(): WebContentsLike[];
}

/**
 * The IPC wiring `src/main/index.ts` runs, whole: the adapter with the standard sender check over
 * our page. Tests call this same function with a fake ipcMain, so the check they exercise is
 * the one in use.
 */
export function serveOverIpc(options: ServeOverIpcOptions): () => void {
  return registerIpc({
    ipcMain: options.ipcMain,
    dispatcher: options.dispatcher,
    events: options.events,
    isTrustedSender: createSenderCheck({ getWindows: options.getWindows, isAppUrl: options.page.isAppUrl }),
    getTargets: options.getTargets ?? options.getWindows,
  });
}
