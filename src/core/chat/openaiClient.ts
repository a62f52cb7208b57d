import OpenAI, { type ClientOptions } from 'openai';
import { AppError } from '../../shared/errors';

/** Where to call and with which key. */
export interface ClientConfig {
  baseURL: string;
  apiKey: string;
  /** Retries the SDK makes on its own (default 0: the user sees the error and a Retry button). */
  maxRetries?: number;
  /** How long to wait for the response headers, in ms (default 120 s; the stream has its own idle timer). */
  timeout?: number;
  /** The network to call through (NetworkService.fetch: the system's or the user's proxy). */
  fetch?: typeof globalThis.fetch;
}

/** Wait for headers on a chat call: local models may think a long time before the first byte. */
export const DEFAULT_REQUEST_TIMEOUT_MS = 120_000;

/**
 * An SDK client that can only talk to one origin, with nothing taken from the environment.
 *
 * The constructor of the SDK reads `OPENAI_BASE_URL`, `OPENAI_API_KEY`, `OPENAI_ADMIN_KEY`,
 * `OPENAI_ORG_ID`, `OPENAI_PROJECT_ID`, `OPENAI_WEBHOOK_SECRET` and `OPENAI_LOG` for every option
 * left out (each is passed below), and merges `OPENAI_CUSTOM_HEADERS` into the default headers
 * with no option to turn that off (openai 7.x `client.js`), which is why this subclass exists.
 */
class EndpointBoundOpenAI extends OpenAI {
  private readonly boundOrigin: string;

  constructor(options: ClientOptions & { baseURL: string }) {
    super(options);
    this.boundOrigin = new URL(options.baseURL).origin;
    // Undo the merge of OPENAI_CUSTOM_HEADERS: the default headers are exactly the ones passed.
    this._options = { ...this._options, defaultHeaders: options.defaultHeaders };
  }

  /** The last step before fetch: a request for any other origin (an absolute path, a redirect of the URL) never leaves. */
  protected override async prepareRequest(_request: RequestInit, context: { url: string }): Promise<void> {
    const origin = new URL(context.url).origin;
    if (origin !== this.boundOrigin) {
      throw new AppError(
        'key_not_for_this_address',
        `A request for ${origin} was stopped: this client may only call ${this.boundOrigin}.`,
      );
    }
  }
}

// The SDK names itself in User-Agent after the class (`${constructor.name}/JS 7.x`): keep "OpenAI".
Object.defineProperty(EndpointBoundOpenAI, 'name', { value: 'OpenAI' });

/**
 * Builds an SDK client with everything the SDK would otherwise read from the environment set
 * explicitly, so no variable can send the key to another host, add or change headers (an
 * organisation, a project, anything in OPENAI_CUSTOM_HEADERS) or log the user's text.
 */
export function createOpenAIClient(config: ClientConfig): OpenAI {
  return new EndpointBoundOpenAI({
    baseURL: normalizeBaseURL(config.baseURL),
    apiKey: config.apiKey,
    adminAPIKey: null,
    organization: null,
    project: null,
    webhookSecret: null,
    defaultHeaders: {},
    defaultQuery: {},
    logLevel: 'off',
    maxRetries: config.maxRetries ?? 0,
    timeout: config.timeout ?? DEFAULT_REQUEST_TIMEOUT_MS,
    fetch: config.fetch,
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
