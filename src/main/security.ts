import { BrowserWindow, dialog, shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/transport/contentSecurityPolicy';
import { linkConfirmText, openLinkAfterAsking } from './externalLinks';
import type { SpellcheckPolicy } from './spellcheck';

/**
 * Opens a link in the system browser, but only an `https:` one. Core's `app.openExternal` uses
 * it after the renderer's own confirm dialog (LinkConfirmDialog).
 */
export async function openExternalHttps(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error('Only https: links can be opened.');
  await shell.openExternal(parsed.toString());
}

/**
 * Locks down the session: the strict CSP on every response (unless the dev server needs its
 * relaxed one; `app://` responses carry it from their handler anyway), every permission denied
 * except writing to the clipboard (the Copy buttons), and a spellchecker that never downloads.
 */
export function secureSession(
  session: Session,
  options: { strictCsp: boolean; spellcheck: SpellcheckPolicy },
): void {
  if (options.strictCsp) {
    session.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: {
          ...details.responseHeaders,
          'Content-Security-Policy': [CONTENT_SECURITY_POLICY],
          'X-Content-Type-Options': ['nosniff'],
        },
      });
    });
  }
  session.setPermissionRequestHandler((_contents, permission, callback) =>
    callback(permission === 'clipboard-sanitized-write'),
  );
  session.setPermissionCheckHandler((_contents, permission) => permission === 'clipboard-sanitized-write');
  session.setSpellCheckerDictionaryDownloadURL(options.spellcheck.dictionaryDownloadUrl);
  session.setSpellCheckerEnabled(options.spellcheck.enabled);
}

/**
 * Hardens any web contents: no navigation or redirect away from the app, no <webview>, no new
 * windows — an `https:` link asked to open in one goes to the system browser once the user
 * confirms in a native dialog; any other link is dropped.
 */
export function hardenContents(contents: WebContents, locale: () => string): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openLinkAfterAsking(url, {
      ask: (address) => confirmOpen(contents, locale(), address),
      open: (address) => shell.openExternal(address),
    }).catch(() => undefined);
    return { action: 'deny' };
  });
}

async function confirmOpen(contents: WebContents, locale: string, url: string): Promise<boolean> {
  const text = linkConfirmText(locale, url);
  // Cancel is the default: Enter or Escape never opens a link the user did not read.
  const options = { type: 'question' as const, noLink: true, defaultId: 1, cancelId: 1, ...text };
  const owner = BrowserWindow.fromWebContents(contents);
  const { response } = owner
    ? await dialog.showMessageBox(owner, options)
    : await dialog.showMessageBox(options);
  return response === 0;
}
