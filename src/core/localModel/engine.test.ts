import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AppError } from '../../shared/errors';
import { createOpenAIClient } from '../chat/openaiClient';
import { LocalEngine } from './localEngine';
import { spawnSourceEngine } from './spawnNode';
import { writeTinyGguf } from './testing/tinyGguf';

// The real engine (node-llama-cpp in a child process) on a tiny generated model: gibberish out,
// but load, template, streaming, Stop, the window, crash and unload are the real pipeline.

let dir: string;
let modelPath: string;
// One thread: llama.cpp's spinning threads crawl on a machine busier than its cores.
const engine = new LocalEngine(spawnSourceEngine, { idleMinutes: () => 0, threads: 1 });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'penpal-engine-'));
  modelPath = writeTinyGguf(join(dir, 'tiny-chat.gguf'));
});

afterAll(() => {
  engine.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function refusal(path: string): Promise<AppError> {
  const other = new LocalEngine(spawnSourceEngine, { idleMinutes: () => 0, threads: 1 });
  try {
    await other.ensure(path);
  } catch (err) {
    return err as AppError;
  } finally {
    other.stop();
  }
  throw new Error('the file was accepted');
}

describe('the built-in engine', { timeout: 120_000 }, () => {
  it('loads the model and lists it with its window', async () => {
    const running = await engine.ensure(modelPath);
    expect(running.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/v1$/);
    expect(running.model).toMatchObject({ id: 'tiny-chat', contextWindow: 256 });
    // ChatML: <|im_start|>user\n … <|im_end|>\n around each message; BOS and <|im_start|>assistant\n prime.
    const [user, newline, assistant] = await tokenize(running, ['user', '\n', 'assistant']);
    expect(running.model.perMessage).toBe(2 + user! + 2 * newline!);
    expect(running.model.perRequest).toBe(2 + assistant! + newline!);
    const client = createOpenAIClient({ baseURL: running.baseURL, apiKey: running.token });
    const page = await client.models.list();
    expect(page.data.map((m) => [m.id, (m as unknown as { context_length: number }).context_length])).toEqual(
      [['tiny-chat', 256]],
    );
  });

  it('refuses a request without its token', async () => {
    const running = await engine.ensure(modelPath);
    const client = createOpenAIClient({ baseURL: running.baseURL, apiKey: 'wrong' });
    await expect(client.models.list()).rejects.toMatchObject({ status: 401 });
  });

  it('streams an answer with the usage chunk, counted by the model', async () => {
    const running = await engine.ensure(modelPath);
    const client = createOpenAIClient({ baseURL: running.baseURL, apiKey: running.token });
    const stream = await client.chat.completions.create({
      model: 'tiny-chat',
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hello there' },
      ],
      max_tokens: 12,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    let usage;
    let finish;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? '';
      finish ??= chunk.choices[0]?.finish_reason ?? undefined;
      usage = chunk.usage ?? usage;
    }
    expect(text.length).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeGreaterThan(0);
    expect(usage?.completion_tokens).toBeLessThanOrEqual(12);
    // The template's rendering: BOS, five special tokens and the text between them.
    const pieces = ['system\nBe kind.', '\n', 'user\nHello there', '\n', 'assistant\n'];
    const counts = await tokenize(running, pieces);
    expect(usage?.prompt_tokens).toBe(counts.reduce((a, b) => a + b, 0) + 6);
    expect(['stop', 'length']).toContain(finish);
  });

  it('stops generating when the request is aborted (Stop), and answers the next one', async () => {
    const running = await engine.ensure(modelPath);
    const client = createOpenAIClient({ baseURL: running.baseURL, apiKey: running.token });
    const controller = new AbortController();
    const stream = await client.chat.completions.create(
      { model: 'tiny-chat', messages: [{ role: 'user', content: 'Talk.' }], max_tokens: 200, stream: true },
      { signal: controller.signal },
    );
    let pieces = 0;
    try {
      for await (const chunk of stream) {
        if (chunk.choices[0]?.delta.content) pieces++;
        if (pieces === 2) controller.abort();
      }
    } catch {
      // The SDK may end the loop or throw on abort; either way nothing more arrives.
    }
    expect(pieces).toBe(2);
    const next = await client.chat.completions.create({
      model: 'tiny-chat',
      messages: [{ role: 'user', content: 'Again.' }],
      max_tokens: 3,
    });
    // Random weights may end at once (an end-of-turn token): that it answers is what counts.
    expect(next.choices[0]?.finish_reason).toMatch(/^(stop|length)$/);
  });

  it('refuses a prompt longer than the window, like a hosted service', async () => {
    const running = await engine.ensure(modelPath);
    const client = createOpenAIClient({ baseURL: running.baseURL, apiKey: running.token });
    const long = 'word '.repeat(400);
    await expect(
      client.chat.completions.create({ model: 'tiny-chat', messages: [{ role: 'user', content: long }] }),
    ).rejects.toMatchObject({ status: 400, code: 'context_length_exceeded' });
  });

  it('says so when the engine crashes, and starts again on the next request', async () => {
    const first = await engine.ensure(modelPath);
    const pid = await enginePid(first);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => engine.state().state === 'crashed');
    expect(engine.state()).toMatchObject({ message: expect.stringContaining('stopped unexpectedly') });
    const again = await engine.ensure(modelPath);
    expect(again.baseURL).not.toBe(first.baseURL);
    expect(engine.state().state).toBe('ready');
  });

  it('unloads the model after the idle time', async () => {
    // 0.005 minutes: 300 ms without a request.
    const idle = new LocalEngine(spawnSourceEngine, { idleMinutes: () => 0.005, threads: 1 });
    const running = await idle.ensure(modelPath);
    const pid = await enginePid(running);
    await waitFor(() => idle.state().state === 'stopped');
    await waitFor(() => !alive(pid));
  });

  it('unloads the model (the process ends)', async () => {
    const running = await engine.ensure(modelPath);
    const pid = await enginePid(running);
    engine.stop();
    expect(engine.state().state).toBe('stopped');
    await waitFor(() => !alive(pid));
  });
});

describe('bad model files', { timeout: 60_000 }, () => {
  it('refuses a file that is not a GGUF, before starting anything', async () => {
    const path = join(dir, 'notes.gguf');
    writeFileSync(path, 'Dear diary, this is not a model.');
    expect(await refusal(path)).toMatchObject({
      code: 'local_model_invalid',
      message: expect.stringContaining('not a GGUF'),
    });
  });

  it('refuses a truncated download', async () => {
    const path = join(dir, 'cut.gguf');
    writeFileSync(path, readFileSync(modelPath).subarray(0, 300_000));
    expect(await refusal(path)).toMatchObject({
      code: 'local_model_invalid',
      message: expect.stringContaining('cut short'),
    });
  });

  it('refuses a model without a chat template', async () => {
    const path = writeTinyGguf(join(dir, 'bare.gguf'), { chatTemplate: null });
    expect(await refusal(path)).toMatchObject({ code: 'local_model_no_template' });
  });

  it('refuses a window that does not fit in memory, and says how much it needs', async () => {
    // 200 M tokens: a cache of ~100 GB, more than any test machine has.
    const path = writeTinyGguf(join(dir, 'vast.gguf'), { contextLength: 200_000_000 });
    const other = new LocalEngine(spawnSourceEngine, {
      idleMinutes: () => 0,
      threads: 1,
      contextSize: 200_000_000,
    });
    try {
      await expect(other.ensure(path)).rejects.toMatchObject({
        code: 'local_model_memory',
        message: expect.stringMatching(/needs [\d.]+ GB of memory/),
      });
    } finally {
      other.stop();
    }
  });

  it('picks a window that fits, at most 8,192 tokens, for a model trained on far more', async () => {
    const path = writeTinyGguf(join(dir, 'long.gguf'), { contextLength: 131_072 });
    const other = new LocalEngine(spawnSourceEngine, { idleMinutes: () => 0, threads: 1 });
    try {
      expect((await other.ensure(path)).model.contextWindow).toBe(8192);
    } finally {
      other.stop();
    }
  });

  it('refuses an architecture the engine cannot run', async () => {
    const path = writeTinyGguf(join(dir, 'alien.gguf'), { architecture: 'penpal-alien' });
    expect(await refusal(path)).toMatchObject({ code: 'local_model_unsupported' });
  });
});

async function tokenize(running: { baseURL: string; token: string }, texts: string[]): Promise<number[]> {
  const res = await fetch(`${running.baseURL}/tokenize`, {
    method: 'POST',
    headers: { authorization: `Bearer ${running.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ texts }),
  });
  return ((await res.json()) as { counts: number[] }).counts;
}

/** The engine's pid, found as the process listening on its port's parent: ours has one child. */
async function enginePid(running: { baseURL: string }): Promise<number> {
  const port = new URL(running.baseURL).port;
  const { execFileSync } = await import('node:child_process');
  const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`]).toString();
  const match = /pid=(\d+)/.exec(out);
  if (!match) throw new Error(`no process listens on ${port}`);
  return Number(match[1]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(check()).toBe(true);
}
