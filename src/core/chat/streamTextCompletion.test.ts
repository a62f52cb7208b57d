import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../../e2e/fixtures/openaiTestServer';
import { createOpenAIClient } from './openaiClient';
import { streamTextCompletion, type StreamTextOptions } from './streamTextCompletion';

// Base models at /v1/completions, through the real SDK to the real loopback test server.

const KEY = 'sk-text-test-key-ABCD';
const PROMPT = 'Skippy is a witty assistant.\n\nUSER: Hello there\nSKIPPY:';
let server: OpenAITestServer;

beforeAll(async () => {
  server = await startOpenAITestServer();
});
afterAll(async () => server.close());
beforeEach(() => server.reset());

function run(extra: Partial<StreamTextOptions> = {}) {
  const deltas: string[] = [];
  const promise = streamTextCompletion({
    client: createOpenAIClient({ baseURL: server.baseURL, apiKey: KEY }),
    model: 'penpal-test',
    prompt: PROMPT,
    onDelta: (delta) => deltas.push(delta),
    ...extra,
  });
  return { deltas, promise };
}

describe('streamTextCompletion', () => {
  it('streams text deltas to /v1/completions with the prompt, stop and sampling settings', async () => {
    const { deltas, promise } = run({
      stop: ['\nUSER:', '\nSKIPPY:'],
      temperature: 0.8,
      topP: 0.95,
      maxTokens: 120,
      presencePenalty: 0.5,
      frequencyPenalty: -0.25,
    });
    const result = await promise;
    expect(result).toMatchObject({ status: 'done', error: null, finishReason: 'stop' });
    // The stop sequence cut the base model off before it wrote the user's next line.
    expect(result.content).toBe(' Echo: Hello there');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.join('')).toBe(result.content);
    expect(result.usage?.totalTokens).toBeGreaterThan(0);

    const request = server.requests.at(-1)!;
    expect(request.path).toBe('/v1/completions');
    expect(request.body).toEqual({
      model: 'penpal-test',
      prompt: PROMPT,
      stream: true,
      stream_options: { include_usage: true },
      stop: ['\nUSER:', '\nSKIPPY:'],
      temperature: 0.8,
      top_p: 0.95,
      max_tokens: 120,
      presence_penalty: 0.5,
      frequency_penalty: -0.25,
    });
  });

  it('sends no stop when there is none, and at most four (the API limit)', async () => {
    const bare = await run().promise;
    expect(bare.content).toBe(' Echo: Hello there\nUSER: and what did I say next?');
    expect(server.requests.at(-1)!.body).not.toHaveProperty('stop');

    await run({ stop: ['a:', 'b:', 'a:', 'c:', 'd:', 'e:'] }).promise;
    expect((server.requests.at(-1)!.body as { stop: string[] }).stop).toEqual(['a:', 'b:', 'c:', 'd:']);
  });

  it('keeps Chinese split mid-character across TCP writes intact', async () => {
    server.script([{ reply: '学校里的猫🐱很可爱。', chunkSize: 1, splitMultibyte: true }]);
    const result = await run().promise;
    expect(result.content).toBe('学校里的猫🐱很可爱。');
  });

  it('stops when asked, keeping the text so far as interrupted', async () => {
    const controller = new AbortController();
    server.script([{ reply: 'word '.repeat(200), chunkSize: 5, delayMs: 10 }]);
    const result = await run({
      signal: controller.signal,
      onDelta: () => setTimeout(() => controller.abort(), 30),
    }).promise;
    expect(result.status).toBe('interrupted');
    expect(result.error).toBeNull();
    expect(result.content.length).toBeGreaterThan(0);
    expect(result.content.length).toBeLessThan(1000);
  });

  it('marks a silent stream as stalled and a cut one as incomplete', async () => {
    server.script([{ reply: 'some text that will stall', stallAfterChunks: 2 }]);
    const stalled = await run({ idleTimeoutMs: 200 }).promise;
    expect(stalled).toMatchObject({ status: 'interrupted', content: 'some tex' });
    expect(stalled.error?.code).toBe('stalled');

    server.script([{ reply: 'this answer gets cut off', dropAfterChunks: 3 }]);
    const dropped = await run().promise;
    expect(dropped).toMatchObject({ status: 'interrupted', content: 'this answer ' });
    expect(dropped.error?.code).toBe('incomplete');

    server.script([{ reply: 'ends quietly', noDone: true }]);
    expect((await run().promise).error?.code).toBe('incomplete');
  });

  it('maps service errors, an unknown model and a bad key without echoing the key', async () => {
    server.script([{ status: 429, retryAfterSeconds: 7 }]);
    expect((await run().promise).error).toMatchObject({ code: 'rate_limited', retryAfter: 7 });
    server.script([{ contextLengthExceeded: true }]);
    expect((await run().promise).error?.code).toBe('context_length_exceeded');

    const missing = await run({ model: 'davinci-imaginary' }).promise;
    expect(missing).toMatchObject({ status: 'error', content: '' });
    expect(missing.error?.code).toBe('model_not_found');

    const badKey = 'sk-invalid-SECRETPART-0123456789-WXYZ';
    const denied = await run({ client: createOpenAIClient({ baseURL: server.baseURL, apiKey: badKey }) })
      .promise;
    expect(denied.error?.code).toBe('unauthorized');
    expect(JSON.stringify(denied)).not.toContain('SECRETPART');
  });
});
