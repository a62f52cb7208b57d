import ipaddr from 'ipaddr.js';

/**
 * Where the API key may travel, decided the same way in core (which enforces it) and in the
 * renderer (which warns before saving). Pure string logic: no DNS, no network.
 */

/**
 * The address ranges a plain-http request may reach without crossing the internet (`unspecified`:
 * 0.0.0.0 and ::, which local servers print as their address, reach this computer).
 */
const LOCAL_RANGES = new Set(['loopback', 'private', 'linkLocal', 'uniqueLocal', 'unspecified']);

/**
 * The origin (scheme, host, port) of a URL as the WHATWG parser normalises it
 * (`HTTP://LocalHost:80/v1` → `http://localhost`), or null when it does not parse.
 */
export function originOf(url: string): string | null {
  try {
    const origin = new URL(url.trim()).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

/**
 * Whether a host name is this computer or the local network: `localhost`, loopback
 * (127.0.0.0/8, ::1), private ranges (10/8, 172.16/12, 192.168/16, fc00::/7), link-local
 * (169.254/16, fe80::/10), 0.0.0.0 and mDNS `.local` names. Any other name counts as the
 * internet, even if it happens to resolve to a private address: only what the user typed is judged.
 */
export function isLocalOrPrivateHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || host.endsWith('.local')) return true;
  if (!ipaddr.isValid(host)) return false;
  // process() turns an IPv4-mapped IPv6 address (::ffff:10.0.0.1) into its IPv4 form first.
  return LOCAL_RANGES.has(ipaddr.process(host).range());
}

/**
 * Whether sending the key to this URL would put it on the network unencrypted: plain `http:` to a
 * host that is not local or private. Such a request needs the user's explicit confirmation.
 */
export function sendsKeyInClear(url: string): boolean {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' && !isLocalOrPrivateHost(parsed.hostname);
  } catch {
    return false;
  }
}
