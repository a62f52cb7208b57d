import { Worker } from 'node:worker_threads';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import {
  parseInProcess,
  parseInWorker,
  WORKER_BATCH,
  type EncodedImportFile,
  type ParseProgress,
} from '../core/importers/parser';
import { sampleText } from '../core/importers/testSamples';
import { buildZip, zerosEntry } from '../core/importers/testing/zipBuilder';
import { spawnSourceImportWorker } from './webPorts';

const EXPORT = 'librechat-import-fixtures/chatgpt-export.json';

/** The real sample's conversations, copied under new ids until there are `count` of them. */
function manyConversations(count: number): string {
  const originals = JSON.parse(sampleText(EXPORT)) as Record<string, unknown>[];
  const copies = Array.from({ length: count }, (_, index) => {
    const id = `copy-${index}-${String(originals[index % originals.length]?.id)}`;
    return { ...originals[index % originals.length], id, conversation_id: id, title: `Copy ${index}` };
  });
  return JSON.stringify(copies);
}

const encoded = (name: string, bytes: Uint8Array): EncodedImportFile => ({
  name,
  base64: Buffer.from(bytes).toString('base64'),
});

function recorder(): { onProgress: ParseProgress; phases: string[] } {
  const phases: string[] = [];
  return { phases, onProgress: (phase, done, total) => phases.push(`${phase} ${done}/${total}`) };
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  const error: unknown = await promise.then(
    () => new Error('expected the import to fail'),
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('parsing an import on a worker thread', () => {
  it('gives exactly what parsing in process gives, in batches, with progress', async () => {
    const count = WORKER_BATCH * 2 + 7;
    const zip = zipSync({ 'conversations.json': strToU8(manyConversations(count)) });
    const files = [encoded('chatgpt-export.zip', zip)];
    const inWorker = recorder();
    const viaWorker = await parseInWorker(spawnSourceImportWorker)(files, inWorker.onProgress);
    const direct = await parseInProcess(files, () => {});

    expect(viaWorker.conversations).toHaveLength(count);
    expect(viaWorker).toEqual(direct);
    expect(inWorker.phases[0]).toBe('reading 0/1');
    expect(inWorker.phases).toContain('reading 1/1');
    expect(inWorker.phases.at(-1)).toBe(`parsing ${count}/${count}`);
  });

  it('passes on the human message of a file that is not an export', async () => {
    const files = [encoded('notes.txt', strToU8('Dear diary, today I went to school.'))];
    const error = await failure(parseInWorker(spawnSourceImportWorker)(files, () => {}));
    expect(error.code).toBe('import_failed');
    expect(error.message).toBe('"notes.txt" is not a ChatGPT export, a zip of one, or a Penpal backup.');
  });

  it('applies the zip limits on the worker: a small zip bomb is stopped with a clear message', async () => {
    // 64 MiB of zeros in ~66 KB, headers claiming 100 bytes: only counting while inflating stops it.
    const bomb = buildZip([{ ...zerosEntry('conversations.json', 64), declaredSize: 100 }]);
    const error = await failure(
      parseInWorker(spawnSourceImportWorker)([encoded('export.zip', bomb)], () => {}),
    );
    expect(error.code).toBe('import_failed');
    expect(error.message).toMatch(
      /^"export\.zip › conversations\.json" expands more than 100 times over.*Nothing was imported\.$/,
    );
  });

  it('says plainly when the worker dies part-way, and saves nothing half-read', async () => {
    const dying = (): Worker =>
      new Worker(
        `const { parentPort } = require('node:worker_threads');
         parentPort.once('message', () => {
           parentPort.postMessage({ type: 'progress', phase: 'reading', done: 0, total: 1 });
           setTimeout(() => process.exit(3), 10);
         });`,
        { eval: true },
      );
    const files = [encoded('conversations.json', strToU8(manyConversations(3)))];
    const error = await failure(parseInWorker(dying)(files, () => {}));
    expect(error.code).toBe('import_failed');
    expect(error.message).toMatch(/The import stopped unexpectedly .*exited with code 3.*Nothing was saved/);
  });

  it('falls back to parsing in process when the worker cannot start at all', async () => {
    const missing = (): Worker => new Worker(new URL('./no-such-worker.mjs', import.meta.url));
    const files = [encoded('conversations.json', strToU8(manyConversations(3)))];
    const parsed = await parseInWorker(missing)(files, () => {});
    expect(parsed.conversations.map((conversation) => conversation.title)).toEqual([
      'Copy 0',
      'Copy 1',
      'Copy 2',
    ]);
  });
});
