import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { AppError } from '../../shared/errors';

/** What the caller knows that helps word or clean an error. */
export interface ErrorContext {
  /** The key that was used: any trace of it is removed from the message. */
  apiKey?: string | null;
  model?: string;
}

const MAX_DETAIL = 500;

/**
 * Turns whatever the SDK (or fetch under it) threw into an AppError with a stable code and an
 * English message; the renderer translates by code and shows `message` as the detail. Nothing in
 * the result can contain the API key.
 */
export function mapServiceError(err: unknown, context: ErrorContext = {}): AppError {
  const mapped = classify(err, context);
  return new AppError(mapped.code, redactSecrets(mapped.message, context.apiKey), mapped.retryAfter);
}

function classify(err: unknown, context: ErrorContext): AppError {
  if (err instanceof AppError) return err;
  // The proxy fetch names its own failures (proxy_unreachable, proxy_auth); the SDK wraps them.
  if (err instanceof Error && err.cause instanceof AppError) return err.cause;
  if (err instanceof APIUserAbortError) return new AppError('aborted', 'The request was stopped.');
  if (err instanceof APIConnectionTimeoutError) {
    return new AppError('timeout', 'The service took too long to answer.');
  }
  if (err instanceof APIConnectionError) return connectionError(err);
  if (err instanceof APIError) return statusError(err, context);
  if (err instanceof SyntaxError) {
    return new AppError(
      'server_error',
      `The service sent a response Penpal could not read (${err.message}).`,
    );
  }
  // Errors raised while reading the body, after the headers (e.g. undici's "terminated").
  const network = networkCause(err);
  if (network) return network;
  return new AppError('internal', err instanceof Error ? err.message : String(err));
}

function statusError(err: APIError, context: ErrorContext): AppError {
  const detail = serviceDetail(err);
  const code = typeof err.code === 'string' ? err.code : null;
  const status = err.status;
  const withDetail = (text: string) => (detail ? `${text} ${detail}` : text);
  if (status === 401)
    return new AppError('unauthorized', withDetail('The service did not accept the API key (401).'));
  if (status === 403) return new AppError('forbidden', withDetail('The service refused the request (403).'));
  if (status === 404) {
    if (code === 'model_not_found' || /\bmodel\b/i.test(detail)) {
      const name = context.model ? ` "${context.model}"` : '';
      return new AppError(
        'model_not_found',
        withDetail(`The model${name} is not available at this service (404).`),
      );
    }
    return new AppError(
      'bad_url',
      withDetail('Nothing answered at this address (404). Check the API base URL; it usually ends in /v1.'),
    );
  }
  if (status === 429) {
    const retryAfter = retryAfterSeconds(err.headers);
    const text =
      code === 'insufficient_quota'
        ? 'The account has run out of quota (429).'
        : 'Too many requests: the service asks to slow down (429).';
    return new AppError('rate_limited', withDetail(text), retryAfter);
  }
  if (
    code === 'context_length_exceeded' ||
    /maximum context length|context[_ ]length|too many tokens/i.test(detail)
  ) {
    return new AppError(
      'context_length_exceeded',
      withDetail('The conversation is too long for this model.'),
    );
  }
  if (status !== undefined && status >= 500) {
    return new AppError('server_error', withDetail(`The service had an internal error (${status}).`));
  }
  if (status === undefined) {
    // An error event inside a stream that started fine.
    return new AppError('server_error', withDetail('The service reported an error while answering.'));
  }
  return new AppError('bad_request', withDetail(`The service rejected the request (${status}).`));
}

/** The service's own words, from the JSON error body when there is one. */
function serviceDetail(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  const raw = body && typeof body.message === 'string' ? body.message : err.message.replace(/^\d{3}\s*/, '');
  const text = raw.replace(/\s+/g, ' ').trim();
  if (!text || /^status code \(no body\)$/i.test(text)) return '';
  // An HTML page (a wrong URL hitting a website) is noise, not a detail.
  if (/^<(!doctype|html)/i.test(text)) return '';
  return text.length > MAX_DETAIL ? `${text.slice(0, MAX_DETAIL)}…` : text;
}

function connectionError(err: APIConnectionError): AppError {
  return (
    networkCause(err.cause) ?? networkCause(err) ?? new AppError('network', 'Could not reach the service.')
  );
}

/** Walks an error's `cause` chain for a system error code. */
function networkCause(err: unknown): AppError | null {
  for (let current = err, depth = 0; current && depth < 6; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') {
      if (code === 'ECONNREFUSED')
        return new AppError(
          'network',
          'Could not connect: nothing is listening at that address (connection refused).',
        );
      if (code === 'ENOTFOUND' || code === 'EAI_AGAIN')
        return new AppError('network', 'The server name could not be found (DNS).');
      if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET')
        return new AppError('network', 'The connection was closed by the other side.');
      if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT')
        return new AppError('timeout', 'The connection timed out.');
      if (code === 'UND_ERR_BODY_TIMEOUT') return new AppError('stalled', 'The service stopped sending.');
      if (/CERT|SSL|TLS/i.test(code))
        return new AppError('network', `The secure connection failed (${code}).`);
      if (/^E[A-Z]+$/.test(code)) return new AppError('network', `Could not reach the service (${code}).`);
    }
    if (
      current instanceof TypeError &&
      /terminated|fetch failed|network/i.test(current.message) &&
      !(current as Error).cause
    ) {
      return new AppError('network', 'The connection was lost.');
    }
    current = (current as { cause?: unknown }).cause;
  }
  return null;
}

/** Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterSeconds(headers: Headers | undefined): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return Math.ceil(ms / 1000);
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

/** Removes the key, and anything shaped like a key (the service echoes a masked prefix), from text. */
export function redactSecrets(text: string, apiKey?: string | null): string {
  let out = text;
  if (apiKey && apiKey.length >= 4) out = out.split(apiKey).join('[key]');
  // `sk-…` keys, and masked echoes like `sk-pro****abcd` of keys with any prefix.
  return out
    .replace(/\bsk-[A-Za-z0-9_*-]{6,}/g, '[key]')
    .replace(/[A-Za-z0-9_-]*\*{3,}[A-Za-z0-9_-]*/g, '[key]');
}
