import { resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../core/transport/contentSecurityPolicy';
import { contentTypeOf } from '../core/transport/contentTypes';
import { APP_HOST, APP_SCHEME } from './appUrl';

// The `app://penpal/` protocol that serves the built renderer instead of `file://` (a file: page
// could read any file its path reaches, and every file: URL would share one origin). Pure apart
// from the file read it is given, so the tests drive the very handler `src/main/index.ts` installs.

/**
 * The scheme's privileges, for `protocol.registerSchemesAsPrivileged` (before the app is ready):
 * a standard, secure origin (so `'self'` in the CSP and ES modules work as on https), nothing more.
 */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true },
} as const;

/** Where a request for `app://penpal/…` leads: a file inside the renderer folder, or a refusal. */
export type AppRequestTarget = { file: string } | { status: 400 | 403 | 404; reason: string };

/**
 * Maps a request URL to a file of the renderer folder. Only host `penpal`; `/` is `index.html`;
 * a path that decodes to something outside the folder (`..`, `%2e%2e`, `..%2f`), a backslash or
 * a NUL is refused.
 */
export function resolveAppRequest(url: string, rendererDir: string): AppRequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { status: 400, reason: 'Not a URL.' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST) {
    return { status: 404, reason: 'Not a Penpal page.' };
  }
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { status: 400, reason: 'Bad escape in the path.' };
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return { status: 403, reason: 'Forbidden path.' };
  const base = resolve(rendererDir);
  const file = resolve(base, `.${pathname === '/' || pathname === '' ? '/index.html' : pathname}`);
  if (!file.startsWith(base + sep)) return { status: 403, reason: 'Outside the renderer folder.' };
  return { file };
}

/** Headers on every `app://` response, errors included: the strict CSP, no sniffing, no framing. */
export function appResponseHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The `protocol.handle` handler: GET/HEAD only, the file read through `fetchFile` (Electron's
 * `net.fetch` of its `file:` URL in the app, which also reads inside app.asar), re-wrapped so
 * every response carries `appResponseHeaders`.
 */
export function createAppProtocolHandler(options: {
  rendererDir: string;
  fetchFile(fileUrl: string): Promise<Response>;
}): (request: Request) => Promise<Response> {
  const refuse = (status: number, reason: string): Response =>
    new Response(reason, { status, headers: appResponseHeaders('text/plain; charset=utf-8') });
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method Not Allowed');
    const target = resolveAppRequest(request.url, options.rendererDir);
    if (!('file' in target)) return refuse(target.status, target.reason);
    let found: Response;
    try {
      found = await options.fetchFile(pathToFileURL(target.file).href);
    } catch {
      return refuse(404, 'Not Found');
    }
    if (!found.ok) return refuse(404, 'Not Found');
    return new Response(request.method === 'HEAD' ? null : found.body, {
      status: 200,
      headers: appResponseHeaders(contentTypeOf(target.file)),
    });
  };
}
