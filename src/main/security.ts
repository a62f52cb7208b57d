import { shell, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../core/transport/contentSecurityPolicy';

/** Opens a link in the system browser, but only an `https:` one. */
export async function openExternalHttps(url: string): Promise<void> {
  const parsed = new URL(url);
  if (parsed.protocol !== 'https:') throw new Error('Only https: links can be opened.');
  await shell.openExternal(parsed.toString());
}

/**
 * Locks down the session: the strict CSP on every response (unless the dev server needs its
 * relaxed one) and every permission denied except writing to the clipboard (the Copy buttons).
 */
export function secureSession(session: Session, options: { strictCsp: boolean }): void {
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
}

/**
 * Hardens any web contents: no navigation or redirect away from the app, no new windows (an
 * `https:` link asked to open in one goes to the system browser instead), no <webview>.
 */
export function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https:')) void openExternalHttps(url).catch(() => undefined);
    return { action: 'deny' };
  });
}
