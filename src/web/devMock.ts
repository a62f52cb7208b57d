import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startOpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, type Core } from '../core/app';
import { DEFAULT_SETTINGS } from '../core/ports';
import type { Input, Method, Output } from '../shared/contract';
import { startWebHost } from './host';
import { createWebPorts } from './webPorts';
import { stopOnSignals } from './shutdown';

/**
 * `npm run dev:mock`: the browser host wired to the OpenAI-compatible test server, so a newcomer
 * can chat without a key. Data goes to `PENPAL_DATA_DIR` or a fresh temporary folder; the page URL
 * is printed as one line starting with `http`. Try `[[slow]]`, `[[long]]` or `[[fault:429]]` in a
 * message (see e2e/fixtures/openaiTestServer.ts).
 */
const server = await startOpenAITestServer();
const dataDir = resolve(process.env.PENPAL_DATA_DIR || mkdtempSync(join(tmpdir(), 'penpal-mock-')));
const core = await createCore(createWebPorts(dataDir));

const key = 'sk-mock-penpal-dev';
await call(core, 'settings.update', { baseURL: server.baseURL });
await call(core, 'settings.setKey', { key, persist: true });
const { models } = await call(core, 'models.list', {});
await call(core, 'settings.update', {
  model: models.includes(DEFAULT_SETTINGS.model)
    ? DEFAULT_SETTINGS.model
    : (models[0] ?? DEFAULT_SETTINGS.model),
});

const port = Number(process.env.PENPAL_PORT ?? 0);
const host = await startWebHost({
  port,
  staticDir: resolve(import.meta.dirname, '../../out/web'),
  core,
});
console.log(host.url);
console.error(`Mock OpenAI server: ${server.baseURL} · data: ${dataDir} · Ctrl+C stops both.`);

stopOnSignals([() => host.close(), () => core.close(), () => server.close()]);

/** Calls core through its dispatcher, as a client would, and fails loudly. */
async function call<M extends Method>(target: Core, method: M, input: Input<M>): Promise<Output<M>> {
  const result = await target.dispatcher.handle(method, input);
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`);
  return result.data as Output<M>;
}
