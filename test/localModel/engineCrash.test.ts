import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/app';
import { spawnSourceEngine } from '../../src/core/localModel/spawnNode';
import { writeTinyGguf } from '../../src/core/localModel/testing/tinyGguf';
import type { AnyEvent } from '../../src/shared/contract';
import { callCore, testPorts } from '../fixtures/testCore';

// The engine process dies in the middle of an answer: only it goes down, chat says the model on
// this computer stopped, and the next message starts it again.

let core: Core;
const seen: AnyEvent[] = [];

const call = <T = Record<string, unknown>>(method: string, input: unknown = {}) =>
  callCore<T>(core, method, input);

async function until<T>(find: () => T | undefined): Promise<T> {
  // Up to a minute: the engine child starts through tsx, slow on a busy machine.
  for (let i = 0; i < 2400; i++) {
    const found = find();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('timed out waiting');
}

const doneOf = (id: string) => () => {
  const event = seen.find((e) => e.name === 'chat.done' && e.payload.messageId === id);
  return event?.name === 'chat.done' ? event.payload : undefined;
};

beforeAll(async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'penpal-crash-'));
  core = await createCore(
    testPorts(dataDir, {
      spawnLocalEngine: spawnSourceEngine,
      localEngineThreads: 1,
      // Slow pieces, so the engine can be killed while it is answering.
      localEnginePaceMs: 40,
    }),
  );
  core.events.subscribe((event) => seen.push(event));
  await call('localModel.addFile', { path: writeTinyGguf(join(dataDir, 'tiny-chat.gguf')) });
  await call('localModel.use', { id: 'tiny-chat' });
  await call('settings.update', { maxTokens: 40 });
});

afterAll(async () => {
  await core.close();
});

describe('a crash of the engine', { timeout: 120_000 }, () => {
  it('is told in the answer, and the next message starts the engine again', async () => {
    const conversation = await call<{ id: string }>('conversation.create', {});
    const first = await call<{ assistantMessageId: string }>('chat.send', {
      conversationId: conversation.id,
      content: 'Tell me a long story',
    });
    await until(() =>
      seen.find((e) => e.name === 'chat.delta' && e.payload.messageId === first.assistantMessageId),
    );
    // The engine is this process's only child.
    const pid = Number(
      execFileSync('pgrep', ['-P', String(process.pid)])
        .toString()
        .trim()
        .split('\n')[0],
    );
    process.kill(pid, 'SIGKILL');
    const failed = await until(doneOf(first.assistantMessageId));
    expect(failed.error).toMatchObject({
      code: 'local_model_crashed',
      message: expect.stringContaining('starts again with your next message'),
    });
    expect((await call<{ engine: { state: string } }>('localModel.get')).engine.state).toBe('crashed');

    const second = await call<{ assistantMessageId: string }>('chat.send', {
      conversationId: conversation.id,
      content: 'Are you back?',
    });
    const answered = await until(doneOf(second.assistantMessageId));
    expect(answered.error).toBeNull();
    expect((await call<{ engine: { state: string } }>('localModel.get')).engine.state).toBe('ready');
  });
});
