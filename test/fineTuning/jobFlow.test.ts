import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startOpenAITestServer, type OpenAITestServer } from '../../e2e/fixtures/openaiTestServer';
import { createCore, DATABASE_FILE, type Core } from '../../src/core/app';
import { openConversationStore } from '../../src/core/store';
import { personaFields } from '../../src/core/personas/testing';
import type { CorePorts } from '../../src/core/ports';
import type { EventPayload, Input, Method, Output } from '../../src/shared/contract';
import type { FineTuneJob } from '../../src/shared/fineTuningSchemas';
import { requestCore, testPorts } from '../fixtures/testCore';

// The whole fine-tuning flow against the test server through the real SDK: upload, job, polling,
// losses, the model in the list, chat with it; failures, cancel, a provider without the endpoints,
// a restart, and the key rules.

const KEY = 'sk-fine-tuning-test-0123456789-ABCD';
let server: OpenAITestServer;
let core: Core;
let dataDir: string;
let ports: CorePorts;

const call = <M extends Method>(method: M, input: Input<M>) => requestCore<Output<M>>(core, method, input);

async function ok<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.data;
}

/** Resolves with the first `training.job` event of this job that reaches a final status. */
function finished(id?: string): Promise<EventPayload<'training.job'>> {
  return new Promise((resolve) => {
    const stop = core.events.subscribe((event) => {
      if (event.name !== 'training.job') return;
      const job = event.payload as FineTuneJob;
      if ((id === undefined || job.id === id) && ['succeeded', 'failed', 'cancelled'].includes(job.status)) {
        stop();
        resolve(job);
      }
    });
  });
}

const csv = (rows: number): string =>
  'question,answer\n' +
  Array.from(
    { length: rows },
    (_, index) => `"How do I fix problem ${index}?","Restart it, then check step ${index}."`,
  ).join('\n');

async function importPairs(rows = 12): Promise<void> {
  await ok('training.importFile', { name: 'support.csv', base64: Buffer.from(csv(rows)).toString('base64') });
}

const start = (extra: Partial<Input<'training.start'>> = {}) =>
  call('training.start', {
    model: 'gpt-4o-mini',
    epochs: 2,
    suffix: 'support',
    validationPercent: 0,
    acceptWarnings: true,
    ...extra,
  });

async function boot(): Promise<void> {
  core = await createCore(ports);
}

beforeEach(async () => {
  server = await startOpenAITestServer();
  dataDir = mkdtempSync(join(tmpdir(), 'penpal-ft-'));
  ports = testPorts(dataDir, { fineTunePollMs: 5 });
  await boot();
  await ok('settings.update', { baseURL: server.baseURL });
  await ok('settings.setKey', { key: KEY, persist: true });
});

afterEach(async () => {
  await core.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('a fine-tuning job', () => {
  it('uploads the checked set, trains, reports losses, and its model is listed and answers', async () => {
    await importPairs();
    const done = finished();
    const started = await start({ validationPercent: 20 });
    if (!started.ok) throw new Error(started.error.message);
    expect(started.data).toMatchObject({ baseModel: 'gpt-4o-mini', status: 'validating_files', epochs: 2 });

    const job = await done;
    expect(job.status).toBe('succeeded');
    expect(job.fineTunedModel).toMatch(/^ft:gpt-4o-mini:penpal:support:/);
    expect(job.losses.map((point) => point.step)).toEqual([1, 2, 3, 4]);
    expect(job.losses[3].loss).toBeLessThan(job.losses[0].loss);

    // The files went up as the export writes them, with the key, purpose fine-tune.
    const uploads = server.requests.filter((request) => request.path === '/v1/files');
    expect(uploads).toHaveLength(2);
    expect(uploads.every((request) => request.headers.authorization === `Bearer ${KEY}`)).toBe(true);
    const exported = await ok('training.export', { validationPercent: 20 });
    expect(server.fineTuning.files.map((file) => [file.purpose, file.content])).toEqual(
      exported.files.map((file) => ['fine-tune', file.content]),
    );
    const created = server.requests.find((request) => request.path === '/v1/fine_tuning/jobs');
    expect(created?.body).toMatchObject({
      model: 'gpt-4o-mini',
      suffix: 'support',
      training_file: server.fineTuning.files[0].id,
      validation_file: server.fineTuning.files[1].id,
      method: { type: 'supervised', supervised: { hyperparameters: { n_epochs: 2 } } },
    });

    expect((await ok('models.list', {})).models).toContain(job.fineTunedModel);
    const persona = await ok(
      'persona.create',
      personaFields({
        name: 'Support bot',
        systemPrompt: '',
        examples: [],
        openingMessage: '',
        model: job.fineTunedModel,
      }),
    );
    const conversation = await ok('conversation.create', { personaId: persona.id });
    const answered = new Promise<void>((resolve) =>
      core.events.subscribe((event) => event.name === 'chat.done' && resolve()),
    );
    await ok('chat.send', { conversationId: conversation.id, content: 'My router blinks.' });
    await answered;
    const chat = server.requests.find((request) => request.path === '/v1/chat/completions');
    expect(chat?.body).toMatchObject({ model: job.fineTunedModel });
    const page = await ok('conversation.get', { id: conversation.id });
    expect(page.messages.at(-1)).toMatchObject({
      role: 'assistant',
      status: 'done',
      model: job.fineTunedModel,
    });
  });

  it('is not started while the check has errors or unaccepted warnings, and nothing is uploaded', async () => {
    await importPairs(5);
    expect(await start()).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await importPairs(7);
    expect(await start({ acceptWarnings: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/warnings/) },
    });
    expect(server.requests.filter((request) => request.path.startsWith('/v1/files'))).toEqual([]);
  });

  it("shows the provider's failure, and a cancelled job stays cancelled", async () => {
    await importPairs();
    server.fineTuning.script([
      { failAtStep: 2, error: { code: 'quota_exceeded', message: 'Out of training quota.' } },
    ]);
    const failed = finished();
    await start();
    expect(await failed).toMatchObject({ status: 'failed', error: 'Out of training quota.' });

    server.fineTuning.script([{ steps: 1_000_000 }]);
    const started = await start();
    if (!started.ok) throw new Error(started.error.message);
    const cancelled = finished(started.data.id);
    await ok('training.cancel', { id: started.data.id });
    expect(await cancelled).toMatchObject({ status: 'cancelled' });
    expect(server.fineTuning.jobs.at(-1)?.status).toBe('cancelled');
  });

  it('says clearly when the provider has no fine-tuning endpoints', async () => {
    const plain = await startOpenAITestServer({ fineTuning: false });
    try {
      await ok('settings.update', { baseURL: plain.baseURL });
      await ok('settings.setKey', { key: KEY, persist: true });
      await importPairs();
      expect(await start()).toMatchObject({ ok: false, error: { code: 'fine_tuning_unsupported' } });
      expect((await ok('training.jobs', {})).jobs[0]).toMatchObject({ status: 'failed' });
    } finally {
      await plain.close();
    }
  });

  it('keeps being polled after a restart until it succeeds', async () => {
    await importPairs();
    await core.close();
    ports = { ...ports, fineTunePollMs: 60_000 };
    await boot();
    const started = await start();
    if (!started.ok) throw new Error(started.error.message);
    await core.close();
    ports = { ...ports, fineTunePollMs: 5 };
    await boot();
    const done = await finished(started.data.id);
    expect(done).toMatchObject({
      status: 'succeeded',
      losses: [{ step: 1 }, { step: 2 }, { step: 3 }, { step: 4 }],
    });
  });

  it('marks a job cut off while uploading as failed at the next start', async () => {
    await core.close();
    const { store } = openConversationStore({ path: join(dataDir, DATABASE_FILE) });
    const at = '2024-05-01T10:00:00.000Z';
    store.training.saveJob({
      ...{ id: 'cut-off', jobId: null, baseURL: server.baseURL, baseModel: 'gpt-4o-mini', suffix: '' },
      ...{
        epochs: 3,
        status: 'uploading',
        fineTunedModel: null,
        error: null,
        losses: [],
        createdAt: at,
        updatedAt: at,
      },
    });
    store.close();
    await boot();
    expect((await ok('training.jobs', {})).jobs).toMatchObject([
      {
        id: 'cut-off',
        status: 'failed',
        error: expect.stringMatching(/closed while the training files were uploading/),
      },
    ]);
    // Nothing was created at the provider, so nothing is polled there.
    expect(server.requests.filter((request) => request.path.startsWith('/v1/fine_tuning'))).toEqual([]);
  });

  it('sends the saved key only to the address it was saved for', async () => {
    const other = await startOpenAITestServer();
    try {
      await ok('settings.update', { baseURL: other.baseURL });
      await importPairs();
      expect(await start()).toMatchObject({ ok: false, error: { code: 'key_not_for_this_address' } });
      expect(other.requests).toEqual([]);
    } finally {
      await other.close();
    }
  });
});
