import ipaddr from 'ipaddr.js';
import { AppError } from '../../shared/errors';

/** A proxy the user typed, split so the password can be stored apart (encrypted). */
export interface ParsedProxy {
  protocol: 'http' | 'https' | 'socks5';
  /** The URL without its password (`http://user@host:port`): safe to save and show. */
  displayURL: string;
  hostname: string;
  port: number;
  username: string;
  /** The password from the URL, or '' when it had none. */
  password: string;
}

const DEFAULT_PORTS = { http: 80, https: 443, socks5: 1080 } as const;

/**
 * Parses a "Proxy" field: `http://user:pass@host:port`, `https://…` or `socks5://…`. Empty means
 * the system proxy and returns null. Throws `invalid_input` with a readable message otherwise.
 */
export function parseProxyURL(value: string): ParsedProxy | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new AppError(
      'invalid_input',
      `"${trimmed.slice(0, 200)}" is not a proxy address (e.g. http://host:3128).`,
    );
  }
  const protocol = url.protocol.replace(/:$/, '');
  // socks5h is the same to undici: the proxy resolves names either way.
  const normalized = protocol === 'socks5h' ? 'socks5' : protocol;
  if (normalized !== 'http' && normalized !== 'https' && normalized !== 'socks5') {
    throw new AppError(
      'invalid_input',
      `A proxy address starts with http://, https:// or socks5:// (got ${url.protocol}).`,
    );
  }
  if (!url.hostname) throw new AppError('invalid_input', 'The proxy address has no host.');
  const username = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const port = url.port ? Number(url.port) : DEFAULT_PORTS[normalized];
  const user = username ? `${encodeURIComponent(username)}@` : '';
  return {
    protocol: normalized,
    displayURL: `${normalized}://${user}${url.host.replace(/:\d+$/, '')}:${port}`,
    hostname: url.hostname.replace(/^\[|\]$/g, ''),
    port,
    username,
    password,
  };
}

/** One bypass rule: an exact host, a `*.domain` / `.domain` suffix, a CIDR range, or `<local>`. */
type BypassRule =
  | { kind: 'host'; host: string }
  | { kind: 'suffix'; suffix: string }
  | { kind: 'cidr'; range: [ipaddr.IPv4 | ipaddr.IPv6, number] }
  | { kind: 'local' };

/**
 * Parses the "Bypass" field: entries separated by commas, semicolons or spaces. `localhost`,
 * `127.0.0.1`, `*.example.com`, `.example.com`, `10.0.0.0/8`, `<local>` (names without a dot and
 * loopback). Unknown entries are kept as exact host names.
 */
export function parseBypassList(value: string): BypassRule[] {
  const rules: BypassRule[] = [];
  for (const raw of value.split(/[\s,;]+/)) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[|\]$/g, '');
    if (!entry) continue;
    if (entry === '<local>') rules.push({ kind: 'local' });
    else if (entry.startsWith('*.')) rules.push({ kind: 'suffix', suffix: entry.slice(1) });
    else if (entry.startsWith('.')) rules.push({ kind: 'suffix', suffix: entry });
    else if (entry.includes('/') && isCidr(entry))
      rules.push({ kind: 'cidr', range: ipaddr.parseCIDR(entry) });
    else rules.push({ kind: 'host', host: entry.replace(/:\d+$/, '') });
  }
  return rules;
}

/** Whether a request to `hostname` skips the proxy under these rules. */
export function bypasses(rules: BypassRule[], hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  return rules.some((rule) => {
    switch (rule.kind) {
      case 'host':
        return host === rule.host;
      case 'suffix':
        return host.endsWith(rule.suffix) || host === rule.suffix.slice(1);
      case 'local':
        return !host.includes('.') || isLoopback(host);
      case 'cidr': {
        if (!ipaddr.isValid(host)) return false;
        const address = ipaddr.process(host);
        return address.kind() === rule.range[0].kind() && address.match(rule.range);
      }
    }
  });
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || (ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback');
}
