/**
 * The model on this computer, with the tiny generated model: the main process's event loop while
 * the engine (a child process) loads and streams an answer, the engine's cold start, and that
 * unloading stops it (the process ends, so its memory goes back to the system).
 * Run alone with `npx tsx bench/localModelBench.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createOpenAIClient } from '../src/core/chat/openaiClient';
import { LocalEngine } from '../src/core/localModel/localEngine';
import { spawnSourceEngine } from '../src/core/localModel/spawnNode';
import { writeTinyGguf } from '../src/core/localModel/testing/tinyGguf';
import { result, type BenchResult } from './types';

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'penpal-bench-llm-'));
  const modelPath = writeTinyGguf(join(dir, 'tiny-chat.gguf'));
  const engine = new LocalEngine(spawnSourceEngine, { idleMinutes: () => 0, threads: 1 });
  // Starting: Node's fork (and Electron's utilityProcess.fork) spawns synchronously, once per load.
  const startDelay = monitorEventLoopDelay({ resolution: 5 });
  startDelay.enable();
  const started = performance.now();
  const running = await engine.ensure(modelPath);
  const coldStart = performance.now() - started;
  startDelay.disable();
  const streamDelay = monitorEventLoopDelay({ resolution: 5 });
  streamDelay.enable();
  const client = createOpenAIClient({ baseURL: running.baseURL, apiKey: running.token });
  const stream = await client.chat.completions.create({
    model: running.model.id,
    messages: [{ role: 'user', content: 'Tell me a story' }],
    max_tokens: 150,
    // Greedy: a sampled answer from random weights sometimes ends at its first token, and the
    // stream's figures need one that runs.
    temperature: 0,
    stream: true,
  });
  let pieces = 0;
  for await (const chunk of stream) if (chunk.choices[0]?.delta.content) pieces++;
  streamDelay.disable();
  engine.stop();
  // Unloading ends the process: nothing of the model stays in memory.
  for (let i = 0; i < 100 && engine.state().state !== 'stopped'; i++)
    await new Promise((r) => setTimeout(r, 20));
  rmSync(dir, { recursive: true, force: true });
  return [
    result('main event loop, longest stall while the engine streams', streamDelay.max / 1e6, 'ms', 50),
    result(
      'main event loop, longest stall at engine start (the fork, once per load)',
      startDelay.max / 1e6,
      'ms',
      150,
    ),
    result('engine cold start, tiny model (load + context)', coldStart, 'ms', 10_000),
    result('pieces streamed from the engine (150 tokens asked)', pieces, '', 1, 'min'),
    result('engine state after unload is stopped', engine.state().state === 'stopped' ? 1 : 0, '', 1, 'min'),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  void run().then((results) => console.table(results));
}
