/**
 * Journal import end to end, as the window drives it: files in through the contract, parsed on
 * the import worker thread, a preview back, then "Save journal" in one transaction. Used by
 * `journalBench.ts`; the worker runs through tsx as in the browser host (the app runs a built file,
 * so its first parse is a little faster).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '../src/core/app';
import type { JournalSourceFile } from '../src/core/journals/types';
import { createTestCipher, MemoryKeyValueStore } from '../src/core/testing/memoryPorts';
import { createInMemoryBridge } from '../src/core/transport/inMemory';
import { spawnSourceImportWorker } from '../src/web/webPorts';
import type { JournalPreview } from '../src/shared/journalSchemas';
import { result, type BenchResult } from './types';

const PREVIEW_BUDGET_MS = 3_000;
const SAVE_BUDGET_MS = 2_000;
const FOLDER_BUDGET_MS = 10_000;

type Call = (method: string, input: unknown) => Promise<unknown>;

async function withCore<T>(work: (call: Call, dataDir: string) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'penpal-journal-bench-'));
  const core = await createCore({
    dataDir,
    cipher: createTestCipher(),
    settingsStore: new MemoryKeyValueStore(),
    host: 'test',
    version: '0.0.0-bench',
    platform: process.platform,
    systemLanguage: 'en',
    spawnImportWorker: spawnSourceImportWorker,
  });
  const bridge = createInMemoryBridge(core.dispatcher, core.events);
  const call: Call = async (method, input) => {
    const reply = (await bridge.request(method, input)) as { ok: boolean; data?: unknown; error?: unknown };
    if (!reply.ok) throw new Error(`${method}: ${JSON.stringify(reply.error)}`);
    return reply.data;
  };
  try {
    return await work(call, dataDir);
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function save(call: Call, preview: JournalPreview): Promise<number> {
  const started = performance.now();
  await call('journal.save', { token: preview.token, name: 'Bench', ownerName: 'Writer', birthYear: null });
  return performance.now() - started;
}

/** Drop → preview (upload, worker parse) and save for one big file. */
async function bigFile(label: string, file: JournalSourceFile): Promise<BenchResult[]> {
  return withCore(async (call) => {
    const started = performance.now();
    const { uploadId } = (await call('journal.upload', {
      files: [{ path: file.path, base64: Buffer.from(file.bytes).toString('base64') }],
    })) as { uploadId: string };
    const preview = (await call('journal.preview', { uploadId })) as JournalPreview;
    const previewMs = performance.now() - started;
    const saveMs = await save(call, preview);
    return [
      result(
        `journal drop → preview on the worker, ${label} (${preview.entryCount} entries)`,
        previewMs,
        'ms',
        PREVIEW_BUDGET_MS,
      ),
      result(
        `journal save, ${label} (${preview.entryCount} entries, one transaction)`,
        saveMs,
        'ms',
        SAVE_BUDGET_MS,
      ),
    ];
  });
}

/** A dropped folder of notes: main reads it from disk (walk, size checks, worker parse), then saves. */
async function folder(files: JournalSourceFile[]): Promise<BenchResult> {
  return withCore(async (call, dataDir) => {
    const root = join(dataDir, 'dropped');
    for (const file of files) {
      const path = join(root, file.path);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, file.bytes);
    }
    const started = performance.now();
    const preview = (await call('journal.previewPaths', {
      paths: [join(root, files[0].path.split('/')[0])],
    })) as JournalPreview;
    await save(call, preview);
    const ms = performance.now() - started;
    return result(
      `journal import end to end, ${files.length}-file daily-notes folder (${preview.entryCount} entries)`,
      ms,
      'ms',
      FOLDER_BUDGET_MS,
    );
  });
}

/** The end-to-end rows: Pepys and 鲁迅 JSON (preview, save), the notes folder. */
export async function importRows(
  pepys: JournalSourceFile,
  luxun: JournalSourceFile,
  notes: JournalSourceFile[],
): Promise<BenchResult[]> {
  return [
    ...(await bigFile('Pepys diary', pepys)),
    ...(await bigFile('鲁迅日记 JSON', luxun)),
    await folder(notes),
  ];
}
