import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import { CHINESE_REPLY } from '../../../e2e/fixtures/openaiTestServerWire';
import { createOpenAIClient } from './openaiClient';
import { streamChatCompletion, type StreamChatOptions } from './streamChatCompletion';

// Every path of a streamed answer, through the real SDK to the real loopback test server.

const KEY = 'sk-stream-test-key-ABCD';
let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(async () => server.close());
beforeEach(() => server.reset());

function run(content: string, extra: Partial<StreamChatOptions> = {}) {
  const deltas: string[] = [];
  /** The text so far as each call reported it; always the deltas up to and including that call. */
  const soFars: string[] = [];
  const promise = streamChatCompletion({
    client: createOpenAIClient({ baseURL: server.baseURL, apiKey: KEY }),
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content }],
    onDelta: (delta, soFar) => {
      deltas.push(delta);
      soFars.push(soFar);
    },
    ...extra,
  });
  return { deltas, soFars, promise };
}

describe('streamChatCompletion', () => {
  it('streams an answer with usage and sends the right request', async () => {
    const { deltas, soFars, promise } = run('Hello', {
      temperature: 0.4,
      topP: 0.9,
      maxTokens: 256,
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
    });
    const result = await promise;
    expect(result).toMatchObject({ status: 'done', error: null, finishReason: 'stop' });
    expect(result.content).toBe('Echo: Hello\n\n*— the Penpal test server*');
    expect(deltas.join('')).toBe(result.content);
    expect(deltas.length).toBeGreaterThan(1);
    expect(soFars).toEqual(deltas.map((_, i) => deltas.slice(0, i + 1).join('')));
    expect(result.usage?.totalTokens).toBeGreaterThan(0);

    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/v1/chat/completions');
    expect(request.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(request.body).toEqual({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Hello' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      temperature: 0.4,
      top_p: 0.9,
      max_tokens: 256,
    });
  });

  it('sends stop sequences and penalties when set, deduplicated and at most four', async () => {
    await run('Hi', {
      stop: ['\nUSER:', '', '\nUSER:', 'END', 'a', 'b', 'c'],
      presencePenalty: 0.6,
      frequencyPenalty: 0,
    }).promise;
    expect(server.requests.at(-1)!.body).toMatchObject({
      stop: ['\nUSER:', 'END', 'a', 'b'],
      presence_penalty: 0.6,
      frequency_penalty: 0,
    });
    await run('Hi').promise;
    const bare = server.requests.at(-1)!.body as Record<string, unknown>;
    expect(Object.keys(bare)).not.toContain('stop');
    expect(Object.keys(bare)).not.toContain('presence_penalty');
  });

  it('keeps Chinese split mid-character across TCP writes intact', async () => {
    const { deltas, promise } = run('[[chinese]]');
    const result = await promise;
    expect(result.status).toBe('done');
    expect(result.content).toBe(CHINESE_REPLY);
    expect(deltas.join('')).not.toContain('\uFFFD');

    server.script([{ reply: '学校里的猫🐱很可爱。', chunkSize: 1, splitMultibyte: true }]);
    expect((await run('x').promise).content).toBe('学校里的猫🐱很可爱。');
  });

  it('stops when asked, keeping the text so far as interrupted', async () => {
    const controller = new AbortController();
    server.script([{ reply: 'word '.repeat(200), chunkSize: 5, delayMs: 10 }]);
    const { promise } = run('x', {
      signal: controller.signal,
      onDelta: () => setTimeout(() => controller.abort(), 30),
    });
    const result = await promise;
    expect(result.status).toBe('interrupted');
    expect(result.error).toBeNull();
    expect(result.content.length).toBeGreaterThan(0);
    expect(result.content.length).toBeLessThan(1000);
  });

  it('marks a silent stream as stalled: interrupted after some text, error before any', async () => {
    server.script([{ reply: 'some text that will stall', stallAfterChunks: 2 }]);
    const partial = await run('x', { idleTimeoutMs: 200 }).promise;
    expect(partial.status).toBe('interrupted');
    expect(partial.error?.code).toBe('stalled');
    expect(partial.content).toBe('some tex');

    server.script([{ stallAfterChunks: 0 }]);
    const empty = await run('x', { idleTimeoutMs: 200 }).promise;
    expect(empty.status).toBe('error');
    expect(empty.error?.code).toBe('stalled');
  });

  it('reports a dropped connection as an interrupted, incomplete answer', async () => {
    server.script([{ reply: 'this answer gets cut off', dropAfterChunks: 3 }]);
    const result = await run('x').promise;
    expect(result.status).toBe('interrupted');
    expect(result.error?.code).toBe('incomplete');
    expect(result.content).toBe('this answer ');
  });

  it('reports a stream that ends without finish/[DONE] as incomplete', async () => {
    server.script([{ reply: 'ends quietly', noDone: true }]);
    const result = await run('x').promise;
    expect(result).toMatchObject({ status: 'interrupted', content: 'ends quietly' });
    expect(result.error?.code).toBe('incomplete');
  });

  it('maps service errors before any text to status error', async () => {
    const cases: [Parameters<OpenAITestServer['script']>[0][number], string][] = [
      [{ status: 403 }, 'forbidden'],
      [{ status: 429, retryAfterSeconds: 7 }, 'rate_limited'],
      [{ status: 500 }, 'server_error'],
      [{ status: 503 }, 'server_error'],
      [{ contextLengthExceeded: true }, 'context_length_exceeded'],
    ];
    for (const [behaviour, code] of cases) {
      server.script([behaviour]);
      const result = await run('x').promise;
      expect(result.status).toBe('error');
      expect(result.error?.code).toBe(code);
      expect(result.content).toBe('');
    }
    server.script([{ status: 429, retryAfterSeconds: 7 }]);
    expect((await run('x').promise).error).toMatchObject({ code: 'rate_limited', retryAfter: 7 });
  });

  it('maps an unknown model and a bad key, never echoing the key', async () => {
    const missing = await run('x', { model: 'gpt-9-imaginary' }).promise;
    expect(missing.error?.code).toBe('model_not_found');
    expect(missing.error?.message).toContain('gpt-9-imaginary');

    const badKey = 'sk-invalid-SECRETPART-0123456789-WXYZ';
    const denied = await run('x', { client: createOpenAIClient({ baseURL: server.baseURL, apiKey: badKey }) })
      .promise;
    expect(denied.status).toBe('error');
    expect(denied.error?.code).toBe('unauthorized');
    expect(denied.error?.message).toMatch(/Incorrect API key provided/);
    expect(JSON.stringify(denied)).not.toContain(badKey);
    expect(JSON.stringify(denied)).not.toContain('SECRETPART');
  });

  it('reports a closed port as a network error', async () => {
    const closed = await startOpenAITestServer();
    await closed.close();
    const result = await run('x', { client: createOpenAIClient({ baseURL: closed.baseURL, apiKey: KEY }) })
      .promise;
    expect(result.status).toBe('error');
    expect(result.error?.code).toBe('network');
    expect(result.error?.message).toMatch(/refused/);
  });
});
