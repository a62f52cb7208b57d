import OpenAI from 'openai';
import { AppError } from '../../shared/errors';

/** Where to call and with which key. */
export interface ClientConfig {
  baseURL: string;
  apiKey: string;
  /** Retries the SDK makes on its own (default 0: the user sees the error and a Retry button). */
  maxRetries?: number;
  /** How long to wait for the response headers, in ms (default 120 s; the stream has its own idle timer). */
  timeout?: number;
}

/** Wait for headers on a chat call: local models may think a long time before the first byte. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/**
 * Builds an SDK client with everything that matters set explicitly. Left out, the SDK reads
 * `OPENAI_BASE_URL`, `OPENAI_LOG`, `OPENAI_ORG_ID`… from the environment, which could send the key
 * to another host, add headers, or log the user's text to the console.
 */
export function createOpenAIClient(config: ClientConfig): OpenAI {
  return new OpenAI({
    baseURL: normalizeBaseURL(config.baseURL),
    apiKey: config.apiKey,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    logLevel: 'off',
    maxRetries: config.maxRetries ?? 0,
    timeout: config.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
  });
}

/** Checks a base URL is http(s) and trims trailing slashes; throws AppError('bad_url') otherwise. */
export function normalizeBaseURL(baseURL: string): string {
  const trimmed = baseURL.trim();
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new AppError('bad_url', `"${trimmed.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new AppError(
      'bad_url',
      `The API address must start with http:// or https:// (got ${url.protocol}).`,
    );
  }
  if (url.username || url.password) {
    // Credentials in the URL would end up in logs and error messages; the key goes in its own field.
    throw new AppError('bad_url', 'The API address must not contain a user name or password.');
  }
  return trimmed.replace(/\/+$/, '');
}
