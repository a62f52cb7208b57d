import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../core/transport/contentSecurityPolicy';
import { contentTypeOf } from '../core/transport/contentTypes';

/** Headers sent with every response of the browser host. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  // The page URL carries the token: never send it anywhere as a referrer.
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
};

/**
 * Serves the built renderer from `root`: GET/HEAD only, no path outside `root`, hashed files under
 * `assets/` cached for good, everything else revalidated, and unknown paths without an extension
 * answered with `index.html` (the single-page app decides what to show).
 */
export function serveStatic(root: string, request: IncomingMessage, response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('Allow', 'GET, HEAD');
    return sendText(response, 405, 'Method Not Allowed');
  }

  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname);
  } catch {
    return sendText(response, 400, 'Bad Request');
  }
  const base = resolve(root);
  const file = resolve(base, `.${pathname}`);
  if (pathname.includes('\0') || pathname.includes('\\') || (file !== base && !file.startsWith(base + sep))) {
    return sendText(response, 403, 'Forbidden');
  }

  const found = isFile(file) ? file : extname(pathname) === '' ? resolve(base, 'index.html') : null;
  if (!found) return sendText(response, 404, 'Not Found');
  if (!isFile(found)) {
    return sendText(response, 503, 'The page is not built yet. Run `npm run web`, which builds it first.');
  }

  const immutable = found.startsWith(resolve(base, 'assets') + sep);
  response.statusCode = 200;
  response.setHeader('Content-Type', contentTypeOf(found));
  response.setHeader('Content-Length', statSync(found).size);
  response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  if (request.method === 'HEAD') return void response.end();
  createReadStream(found)
    .on('error', () => response.destroy())
    .pipe(response);
}

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.statusCode = status;
  response.setHeader('Content-Type', 'text/plain; charset=utf-8');
  response.setHeader('Cache-Control', 'no-store');
  response.end(text);
}
