/**
 * URL policy for model output (GUIDE §4): links may only leave the app as http(s) or mailto,
 * through the main process; images are never fetched from the network.
 */

const LINK_PROTOCOLS = new Set(['https:', 'http:', 'mailto:']);

/** Parses an absolute URL; relative or malformed URLs give null. */
function parseAbsolute(raw: string): URL | null {
  try {
    // No base URL: "/etc/passwd", "#x" or "page.html" are not absolute and are refused.
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/**
 * The normalized URL a link may open, or null when it must be shown as plain text
 * (javascript:, data:, file:, relative URLs…). Parsing first defeats tricks such as
 * "java\tscript:" since the browser's own parser strips the tab the same way.
 */
export function safeLinkUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  const url = parseAbsolute(raw);
  return url && LINK_PROTOCOLS.has(url.protocol) ? url.href : null;
}

/**
 * The src an image may be rendered with: only inline `data:image/…` URIs, which cost no request
 * (and SVG inside <img> cannot run script). Everything else gives null and becomes a placeholder.
 */
export function safeImageSrc(raw: string | undefined): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  return /^data:image\/[a-z0-9.+-]+[;,]/i.test(trimmed) ? trimmed : null;
}
