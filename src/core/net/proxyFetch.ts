import type { Dispatcher } from 'undici';
import { AppError } from '../../shared/errors';
import { bypasses, parseBypassList, type ParsedProxy } from './proxyConfig';

/** The `fetch` the SDK calls (the `openai` client's `fetch` option). */
export type FetchLike = typeof globalThis.fetch;

/** A fetch that goes through one proxy, and the agents to close when it is replaced. */
export interface ProxiedFetch {
  fetch: FetchLike;
  close(): Promise<void>;
}

/**
 * A fetch that sends every request through `proxy` (HTTP(S) CONNECT or SOCKS5, with the user name
 * and password when given), except hosts on the bypass list, which connect directly. Failures that
 * are the proxy's (refused, unreachable, 407, SOCKS authentication) become `proxy_unreachable` or
 * `proxy_auth`, so "Test connection" can tell them from the endpoint's own.
 */
export async function createProxyFetch(proxy: ParsedProxy, bypass: string): Promise<ProxiedFetch> {
  const undici = await loadUndici();
  const undiciFetch = undici.fetch;
  const rules = parseBypassList(bypass);
  const direct = new undici.Agent();
  const proxied = proxyDispatcher(undici, proxy);
  const fetch = async (input: Parameters<FetchLike>[0], init?: RequestInit): Promise<Response> => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    const skip = bypasses(rules, url.hostname);
    try {
      // undici's fetch and Node's global one are the same implementation, typed apart.
      const call = undiciFetch as unknown as (
        input: Parameters<FetchLike>[0],
        init: RequestInit & { dispatcher: Dispatcher },
      ) => Promise<Response>;
      return await call(input, { ...init, dispatcher: skip ? direct : proxied });
    } catch (error) {
      throw (skip ? null : proxyFailure(error, proxy)) ?? error;
    }
  };
  return {
    fetch: fetch as FetchLike,
    close: async () => {
      await Promise.allSettled([direct.close(), proxied.close()]);
    },
  };
}

type Undici = typeof import('undici');

/**
 * Loads undici (7) only once a proxy is set. Loading it installs its own Agent as the global
 * dispatcher of Node's built-in fetch (undici 6 inside Node) when none is set yet, and the two
 * do not work together (a POST then never leaves). Touching `Headers` first loads Node's own
 * undici, which installs its Agent, so the built-in fetch keeps it.
 */
export async function loadUndici(): Promise<Undici> {
  void globalThis.Headers;
  return import('undici');
}

function proxyDispatcher(undici: Undici, proxy: ParsedProxy): Dispatcher {
  const host = proxy.hostname.includes(':') ? `[${proxy.hostname}]` : proxy.hostname;
  if (proxy.protocol === 'socks5') {
    return new undici.Socks5ProxyAgent(`socks5://${host}:${proxy.port}`, {
      username: proxy.username || undefined,
      password: proxy.password || undefined,
    });
  }
  const token = proxy.username
    ? `Basic ${Buffer.from(`${proxy.username}:${proxy.password}`).toString('base64')}`
    : undefined;
  return new undici.ProxyAgent({ uri: `${proxy.protocol}://${host}:${proxy.port}`, token });
}

/** System errors that mean the socket to the proxy itself could not be made or was cut at once. */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The proxy's share of a failed request, or null when the endpoint (or anything else) is at fault. */
export function proxyFailure(error: unknown, proxy: ParsedProxy): AppError | null {
  const where = `${proxy.hostname}:${proxy.port}`;
  for (let current = error, depth = 0; current && depth < 6; depth++) {
    const { code, message, port, name } = current as {
      code?: unknown;
      message?: unknown;
      port?: unknown;
      name?: unknown;
    };
    const text = typeof message === 'string' ? message : '';
    if (
      (typeof code === 'string' && code.startsWith('UND_ERR_SOCKS5_AUTH')) ||
      /Proxy Authentication Required|Proxy response \(407\)/.test(text)
    ) {
      return new AppError('proxy_auth', `The proxy ${where} did not accept the user name or password.`);
    }
    const refusedTunnel = /Proxy response \((5\d\d)\)/.exec(text);
    if (refusedTunnel) {
      // The proxy works; it could not reach the endpoint: the endpoint's side is at fault.
      return new AppError(
        'network',
        `The proxy ${where} could not reach the service (${refusedTunnel[1]}). Check the Base URL.`,
      );
    }
    if (
      typeof code === 'string' &&
      UNREACHABLE.has(code) &&
      // Through a proxy the only socket Penpal opens is to the proxy; a port, when given, says so.
      (port === undefined || port === proxy.port)
    ) {
      return new AppError('proxy_unreachable', `The proxy ${where} could not be reached (${code}).`);
    }
    if (name === 'Socks5ProxyError' && typeof code === 'string' && !code.startsWith('UND_ERR_SOCKS5_REPLY')) {
      return new AppError(
        'proxy_unreachable',
        `The proxy ${where} did not speak SOCKS5 as expected (${code}).`,
      );
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}
