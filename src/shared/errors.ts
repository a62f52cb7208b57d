/**
 * Error codes that cross the contract. The renderer turns each code into a translated, human
 * message; `message` carries the service's own words (never the API key) as a detail.
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'no_key',
  'key_not_for_this_address',
  'key_over_plain_http',
  'unauthorized',
  'forbidden',
  'model_not_found',
  'rate_limited',
  'server_error',
  'bad_request',
  'network',
  'bad_url',
  'timeout',
  'stalled',
  'incomplete',
  'context_length_exceeded',
  'aborted',
  'storage',
  'disk_full',
  'read_only',
  'import_failed',
  'busy',
  'shortcut_taken',
  'proxy_unreachable',
  'proxy_auth',
  'fine_tuning_unsupported',
  'local_model_invalid',
  'local_model_unsupported',
  'local_model_no_template',
  'local_model_memory',
  'local_model_crashed',
  'download_failed',
  'checksum_mismatch',
  'internal',
] as const;

/** One of the error codes above. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error shape carried by a failed result, an errored message and `chat.done`. */
export interface WireError {
  code: ErrorCode;
  message: string;
  /** Seconds to wait before retrying, when the service said so (429). */
  retryAfter?: number;
}

/** An error thrown inside core that the dispatcher turns into `{ok: false, error}` as it is. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;

  constructor(code: ErrorCode, message: string, retryAfter?: number) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.retryAfter = retryAfter;
  }

  /** The wire form of this error. */
  toWire(): WireError {
    return this.retryAfter === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, retryAfter: this.retryAfter };
  }
}

/** The envelope every request resolves to: Electron passes only an error's message through `handle`. */
export type Result<T> = { ok: true; data: T } | { ok: false; error: WireError };
