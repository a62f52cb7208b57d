/**
 * The renderer's Content Security Policy (GUIDE §4), sent by the Electron shell in production and
 * by the browser host on every response. Nothing remote: scripts, styles, fonts and connections
 * come from the app itself; images also from `data:`/`blob:` (never fetched from the network).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
  // Only meaningful as a header (ignored in a <meta>): nobody may frame the app.
  "frame-ancestors 'none'",
].join('; ');
