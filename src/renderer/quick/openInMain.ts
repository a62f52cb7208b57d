import { call } from '../bridge/api';

// "Open in Penpal" from the quick window. `shell.openInMain` tells every window (the app's main
// window, the browser host's tabs) over the contract's events, and main brings its window to the
// front. The browser host has no main process to open a tab, so the quick page asks over a
// BroadcastChannel whether a main tab is open and opens one itself when none answers.

const CHANNEL = 'penpal-main-view';
const ANSWER_WAIT_MS = 400;

type Message = { type: 'ping' } | { type: 'here' };

/** Whether this page is the quick window (`/quick` in the browser host, `#/quick` in the app). */
export function isQuickPage(location: Pick<Location, 'pathname' | 'hash'>): boolean {
  return location.pathname.replace(/\/+$/, '').endsWith('/quick') || location.hash === '#/quick';
}

/** Shows the conversation in the main view, opening a main tab in the browser host if needed. */
export async function openInMain(conversationId: string | null, desktop: boolean): Promise<void> {
  if (desktop || typeof BroadcastChannel === 'undefined') {
    await call('shell.openInMain', { conversationId });
    return;
  }
  const mainTabOpen = await askForMainTab();
  if (mainTabOpen) {
    await call('shell.openInMain', { conversationId });
    return;
  }
  const url = new URL('/', location.href);
  const token = new URLSearchParams(location.search).get('token');
  if (token) url.searchParams.set('token', token);
  if (conversationId) url.hash = `conversation=${encodeURIComponent(conversationId)}`;
  window.open(url.toString(), '_blank');
}

function askForMainTab(): Promise<boolean> {
  return new Promise((resolve) => {
    const channel = new BroadcastChannel(CHANNEL);
    const done = (answer: boolean): void => {
      clearTimeout(timer);
      channel.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done(false), ANSWER_WAIT_MS);
    channel.onmessage = (event: MessageEvent<Message>) => {
      if (event.data?.type === 'here') done(true);
    };
    channel.postMessage({ type: 'ping' } satisfies Message);
  });
}

/** Run by the main view: answers the quick page's "is a main tab open?"; returns the stop function. */
export function answerAsMainView(): () => void {
  if (typeof BroadcastChannel === 'undefined') return () => undefined;
  const channel = new BroadcastChannel(CHANNEL);
  channel.onmessage = (event: MessageEvent<Message>) => {
    if (event.data?.type === 'ping') channel.postMessage({ type: 'here' } satisfies Message);
  };
  return () => channel.close();
}

/** The conversation a main tab opened by the quick page should show (`#conversation=…`). */
export function conversationFromHash(hash: string): string | null {
  const match = /^#conversation=([^&]+)$/.exec(hash);
  return match ? decodeURIComponent(match[1]) : null;
}
