import type { TFunction } from 'i18next';
import { ERROR_CODES, type ErrorCode, type WireError } from '../../shared/errors';
import { BridgeError } from '../bridge/api';

/** Where an error happened, to name the service and model in the message. */
export interface ErrorContext {
  baseURL?: string;
  model?: string | null;
}

/** The host of a base URL, or the URL itself when it does not parse. */
function hostOf(baseURL: string | undefined): string | undefined {
  if (!baseURL) return undefined;
  try {
    return new URL(baseURL).host || baseURL;
  } catch {
    return baseURL;
  }
}

/** Any thrown value or wire error as a wire error, so every failure has a code. */
export function toWireError(error: unknown): WireError {
  if (error instanceof BridgeError)
    return { code: error.code, message: error.message, retryAfter: error.retryAfter };
  if (isWireError(error)) return error;
  return { code: 'internal', message: error instanceof Error ? error.message : String(error) };
}

/**
 * Any thrown value as an Error (a wire error becomes a BridgeError and keeps its code), for state
 * that keeps a failure and translates it with `errorText` when shown.
 */
export function toError(error: unknown): Error {
  if (error instanceof Error) return error;
  return isWireError(error) ? new BridgeError(error) : new Error(String(error));
}

function isWireError(value: unknown): value is WireError {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

/** The translated, human sentence for an error code (without the service's own detail). */
export function errorSummary(t: TFunction, error: WireError, context: ErrorContext = {}): string {
  const code: ErrorCode = error.code;
  const target = hostOf(context.baseURL) ?? t('errors:theService');
  const model = context.model || t('errors:thisModel');
  if (code === 'rate_limited' && error.retryAfter !== undefined) {
    return t('errors:rate_limited_retry', { seconds: Math.ceil(error.retryAfter) });
  }
  return t(`errors:${code}`, { target, model, defaultValue: t('errors:unknown') });
}

/** The summary followed by the service's own words, when they add anything. */
export function errorText(
  t: TFunction,
  error: unknown,
  context: ErrorContext = {},
): { summary: string; detail: string | null } {
  const wire = toWireError(error);
  const detail = wire.message.trim();
  return { summary: errorSummary(t, wire, context), detail: detail ? t('errors:detail', { detail }) : null };
}
