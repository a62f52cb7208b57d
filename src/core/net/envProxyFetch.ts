import type { Dispatcher } from 'undici';
import { loadUndici, proxyFailure, type FetchLike, type ProxiedFetch } from './proxyFetch';
import { bypasses, parseBypassList, parseProxyURL, type ParsedProxy } from './proxyConfig';

/** Hosts that never go through the environment's proxy. */
const LOOPBACK = 'localhost,127.0.0.1,::1';

/** The proxy settings of the environment, as curl and most tools read them. */
export interface EnvProxySettings {
  httpProxy?: string;
  httpsProxy?: string;
  noProxy?: string;
}

/**
 * `http_proxy`, `https_proxy` and `no_proxy` from the environment, lower case winning over upper
 * case (as curl and undici do), loopback added to `no_proxy`; null when neither proxy is set. A value without a scheme
 * (`proxy:3128`) means http.
 */
export function envProxySettings(env: NodeJS.ProcessEnv): EnvProxySettings | null {
  const read = (name: string): string | undefined =>
    (env[name.toLowerCase()] ?? env[name.toUpperCase()])?.trim() || undefined;
  const withScheme = (value: string | undefined) =>
    value && !/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? `http://${value}` : value;
  const httpProxy = withScheme(read('http_proxy'));
  const httpsProxy = withScheme(read('https_proxy'));
  if (!httpProxy && !httpsProxy) return null;
  // Loopback always connects directly, as in Chromium's system proxy (its implicit <-loopback>
  // rule): a proxy elsewhere cannot reach this computer's local model servers.
  const noProxy = [read('no_proxy'), LOOPBACK].filter(Boolean).join(',');
  return { httpProxy, httpsProxy, noProxy };
}

/**
 * The browser host's "system proxy" (the Proxy field left empty): the environment's proxy
 * through undici's `EnvHttpProxyAgent`, since Node's own fetch ignores `HTTP(S)_PROXY` unless
 * started with `NODE_USE_ENV_PROXY`. Without a proxy in the environment it is Node's fetch. The
 * app has Chromium's network for this instead (`session.fetch`). undici is loaded at the first
 * request, not at start (see `loadUndici`).
 */
export function createEnvProxyFetch(env: NodeJS.ProcessEnv = process.env): ProxiedFetch {
  const settings = envProxySettings(env);
  if (!settings) return { fetch: globalThis.fetch, close: async () => {} };
  let agent: Promise<{ dispatcher: Dispatcher; fetch: FetchLike }> | null = null;
  const [httpProxy] = parsedOrNone(settings.httpProxy);
  const [httpsProxy] = parsedOrNone(settings.httpsProxy);
  const direct = parseBypassList(settings.noProxy ?? '');
  // The proxy a request went through (EnvHttpProxyAgent's choice), or undefined when it went direct.
  const proxyFor = (url: URL): ParsedProxy | undefined =>
    bypasses(direct, url.hostname)
      ? undefined
      : url.protocol === 'https:'
        ? (httpsProxy ?? httpProxy)
        : httpProxy;
  const fetch = async (input: Parameters<FetchLike>[0], init?: RequestInit): Promise<Response> => {
    agent ??= loadUndici().then((undici) => ({
      dispatcher: new undici.EnvHttpProxyAgent(settings),
      fetch: undici.fetch as unknown as FetchLike,
    }));
    const { dispatcher, fetch: undiciFetch } = await agent;
    try {
      return await undiciFetch(input, { ...init, dispatcher } as RequestInit);
    } catch (error) {
      // Name the proxy when it is the one at fault, as with a proxy typed in Settings.
      const proxy = proxyFor(new URL(input instanceof Request ? input.url : String(input)));
      throw (proxy ? proxyFailure(error, proxy) : null) ?? error;
    }
  };
  return {
    fetch: fetch as FetchLike,
    close: async () => {
      if (agent) await (await agent).dispatcher.close();
    },
  };
}

function parsedOrNone(url: string | undefined): ParsedProxy[] {
  if (!url) return [];
  try {
    const parsed = parseProxyURL(url);
    return parsed ? [parsed] : [];
  } catch {
    return [];
  }
}
