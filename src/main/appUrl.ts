// Which page is Penpal's own. Pure (no `electron` import) so the tests import exactly what
// `src/main/index.ts` uses: the page the window loads and the check behind the IPC sender check.

/** The renderer's custom scheme: `app://penpal/…`, served by `appProtocol.ts`. */
export const APP_SCHEME = 'app';
/** The one host of that scheme. */
export const APP_HOST = 'penpal';
/** The page the window loads in a build. */
export const APP_PAGE_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
/** The hash that makes the same page the quick-chat window (`main.tsx` reads it). */
export const QUICK_PAGE_HASH = '#/quick';

/** Where the window's page comes from, and how to recognise it. */
export interface AppPage {
  /** What the window loads: the dev server in development, else `app://penpal/index.html`. */
  url: string;
  /** What the quick-chat window loads: the same page with `#/quick`, so the sender check is the same. */
  quickUrl: string;
  /** The dev server, only when Penpal runs unpackaged with a loopback dev server configured. */
  devServerUrl: string | undefined;
  /** True only for our page: the same scheme, host and path (query and hash may differ). */
  isAppUrl(url: string): boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The electron-vite dev server (`ELECTRON_RENDERER_URL`), trusted only in development: not
 * packaged, and a plain `http:` URL on a loopback address. Anything else is ignored, so a
 * variable set in a user's environment can never point the packaged app at another page.
 */
export function devServerUrlFrom(options: {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
}): string | undefined {
  const value = options.env.ELECTRON_RENDERER_URL;
  if (options.isPackaged || !value) return undefined;
  const parsed = parseUrl(value);
  if (!parsed || parsed.protocol !== 'http:' || !LOOPBACK_HOSTS.has(parsed.hostname)) return undefined;
  if (parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/** Penpal's page for this run: what to load and what to trust. */
export function appPage(options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): AppPage {
  const devServerUrl = devServerUrlFrom(options);
  const dev = devServerUrl ? new URL(devServerUrl) : null;
  const url = devServerUrl ?? APP_PAGE_URL;
  return {
    url,
    quickUrl: `${url.split('#')[0]}${QUICK_PAGE_HASH}`,
    devServerUrl,
    isAppUrl: (url) => {
      const parsed = parseUrl(url);
      if (!parsed || parsed.username || parsed.password) return false;
      if (dev) {
        // The dev server serves the page at its root and at /index.html, nothing else.
        return parsed.origin === dev.origin && (parsed.pathname === '/' || parsed.pathname === '/index.html');
      }
      return (
        parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html'
      );
    },
  };
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
