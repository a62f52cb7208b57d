import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import { AppError } from '../../shared/errors';
import { createOpenAIClient, normalizeBaseURL } from './openaiClient';
import { mapServiceError, redactSecrets, retryAfterSeconds } from './serviceErrors';

// The SDK's errors as they really come out of it (from the loopback test server), mapped to codes.

const KEY = 'sk-errors-test-key-0000-LAST';
let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(async () => server.close());
beforeEach(() => server.reset());

/** What a models.list call throws, mapped. */
async function listError(baseURL: string, apiKey = KEY, timeout?: number): Promise<AppError> {
  try {
    await createOpenAIClient({ baseURL, apiKey, timeout }).models.list();
  } catch (err) {
    return mapServiceError(err, { apiKey });
  }
  throw new Error('expected the call to fail');
}

describe('createOpenAIClient', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
    vi.restoreAllMocks();
  });

  it('ignores OPENAI_BASE_URL, OPENAI_LOG and OPENAI_ORG_ID from the environment', async () => {
    const decoy = await startOpenAITestServer();
    process.env.OPENAI_BASE_URL = decoy.baseURL;
    process.env.OPENAI_API_KEY = 'sk-from-environment';
    process.env.OPENAI_LOG = 'debug';
    process.env.OPENAI_ORG_ID = 'org-environment';
    const logged: string[] = [];
    for (const level of ['log', 'info', 'debug', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation(
        (...args: unknown[]) => void logged.push(args.map(String).join(' ')),
      );
    }
    try {
      const client = createOpenAIClient({ baseURL: server.baseURL, apiKey: KEY });
      await client.chat.completions.create({
        model: 'gpt-4o-mini',
        messages: [{ role: 'user', content: 'private diary text' }],
      });
      expect(decoy.requests).toHaveLength(0);
      expect(server.requests).toHaveLength(1);
      expect(server.requests[0].headers.authorization).toBe(`Bearer ${KEY}`);
      expect(server.requests[0].headers['openai-organization']).toBeUndefined();
      expect(logged.join('\n')).not.toContain('private diary text');
      expect(logged.join('\n')).not.toContain(KEY);
    } finally {
      await decoy.close();
    }
  });

  it('refuses addresses that are not http(s) or carry credentials', () => {
    expect(() => normalizeBaseURL('ftp://example.com')).toThrow(AppError);
    expect(() => normalizeBaseURL('not a url')).toThrow(/not a valid URL/);
    expect(() => normalizeBaseURL('https://user:pw@example.com/v1')).toThrow(/user name/);
    expect(normalizeBaseURL(' https://example.com/v1/ ')).toBe('https://example.com/v1');
  });
});

describe('mapServiceError', () => {
  it('maps a wrong base URL (404 without a model code) to bad_url', async () => {
    const error = await listError(`http://127.0.0.1:${server.port}/api`);
    expect(error.code).toBe('bad_url');
    expect(error.message).toMatch(/base URL/);
  });

  it('maps a bad key to unauthorized without any trace of the key', async () => {
    const key = 'sk-invalid-TOPSECRET-abcdefghijklmnop';
    const error = await listError(server.baseURL, key);
    expect(error.code).toBe('unauthorized');
    expect(error.message).not.toContain(key);
    expect(error.message).not.toContain('TOPSECRET');
    expect(error.message).not.toContain('sk-inv');
  });

  it('maps a slow service to timeout', async () => {
    server.script([{ delayMs: 1000 }]);
    expect((await listError(server.baseURL, KEY, 150)).code).toBe('timeout');
  });

  it('maps an unknown host name to network', async () => {
    const error = await listError('http://penpal-no-such-host.invalid/v1');
    expect(error.code).toBe('network');
  });

  it('maps 401/403/404/429/5xx from the models endpoint too', async () => {
    server.script([{ status: 403 }, { status: 429, retryAfterSeconds: 3 }, { status: 502 }]);
    expect((await listError(server.baseURL)).code).toBe('forbidden');
    const limited = await listError(server.baseURL);
    expect(limited.toWire()).toMatchObject({ code: 'rate_limited', retryAfter: 3 });
    expect((await listError(server.baseURL)).code).toBe('server_error');
  });

  it('passes AppErrors through and names unknown things internal', () => {
    const original = new AppError('no_key', 'No key.');
    expect(mapServiceError(original)).toEqual(original);
    expect(mapServiceError(new Error('boom')).code).toBe('internal');
  });
});

describe('helpers', () => {
  it('reads retry-after as seconds, milliseconds or a date', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '12' }))).toBe(12);
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '1500' }))).toBe(2);
    const inTen = new Date(Date.now() + 10_000).toUTCString();
    expect(retryAfterSeconds(new Headers({ 'retry-after': inTen }))).toBeGreaterThanOrEqual(9);
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });

  it('redacts the key and masked echoes of it', () => {
    expect(redactSecrets('bad key abc-SECRET-1234 here', 'abc-SECRET-1234')).toBe('bad key [key] here');
    expect(redactSecrets('Incorrect API key provided: sk-pro****************WXYZ.')).toBe(
      'Incorrect API key provided: [key].',
    );
    expect(redactSecrets('gsk_ab********wxyz is wrong')).toBe('[key] is wrong');
  });
});
