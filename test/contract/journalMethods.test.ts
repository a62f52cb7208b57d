import { mkdirSync, mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../src/core/app';
import { journalSample } from '../../src/core/journals/testCorpora';
import { spawnSourceImportWorker } from '../../src/web/webPorts';
import { createInMemoryBridge, type InMemoryBridge } from '../../src/core/transport/inMemory';
import type { Journal, JournalPreview } from '../../src/shared/journalSchemas';
import { testPorts } from '../fixtures/testCore';

// Journal import and library through the dispatcher, as the renderer calls them.

let core: Core;
let dataDir: string;
let bridge: InMemoryBridge;
const events: { name: string; payload: unknown }[] = [];

type Result = { ok: true; data: unknown } | { ok: false; error: { code: string; message: string } };
const call = async (method: string, input: unknown): Promise<Result> =>
  (await bridge.request(method, input)) as Result;
const data = async <T>(method: string, input: unknown): Promise<T> => {
  const result = await call(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.data as T;
};
const failure = async (method: string, input: unknown): Promise<{ code: string; message: string }> => {
  const result = await call(method, input);
  if (result.ok) throw new Error(`${method} should have failed`);
  return result.error;
};
const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const upload = async (files: { path: string; bytes: Uint8Array }[]): Promise<string> => {
  const { uploadId } = await data<{ uploadId: string }>('journal.upload', {
    files: files.map((file) => ({ path: file.path, base64: b64(file.bytes) })),
  });
  return uploadId;
};

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'penpal-journals-'));
  core = await createCore(testPorts(dataDir));
  bridge = createInMemoryBridge(core.dispatcher, core.events);
  events.length = 0;
  bridge.onEvent((event) => events.push(event as { name: string; payload: unknown }));
});

afterEach(async () => {
  await core.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('journal import through the contract', () => {
  it('previews the Pepys diary, saves it once, and a re-import adds nothing', async () => {
    const pepys = journalSample('pepys-gutenberg-3331/pg3331.txt');
    const preview = await data<JournalPreview>('journal.preview', { uploadId: await upload([pepys]) });
    expect(preview.entryCount).toBeGreaterThan(1900);
    expect(preview.firstDate).toBe('1660-01-01');
    expect(preview.lastDate?.slice(0, 4)).toBe('1669');
    expect(preview.months[0]).toEqual({ month: '1660-01', count: expect.any(Number) });
    expect(preview.samples.length).toBeGreaterThan(0);
    // Nothing is saved by a preview.
    expect(await data<Journal[]>('journal.list', {})).toEqual([]);

    const saved = await data<{ journal: Journal; added: number }>('journal.save', {
      token: preview.token,
      name: 'Diary',
      ownerName: 'Samuel Pepys',
      birthYear: 1633,
    });
    expect(saved.added).toBe(preview.entryCount);
    expect(saved.journal).toMatchObject({
      ownerName: 'Samuel Pepys',
      birthYear: 1633,
      firstDate: '1660-01-01',
    });
    expect(events.some((event) => event.name === 'journals.changed')).toBe(true);
    expect(events.some((event) => event.name === 'journal.importProgress')).toBe(true);

    const again = await data<JournalPreview>('journal.preview', { uploadId: await upload([pepys]) });
    expect(again.alreadySaved).toBe(preview.entryCount);
    const second = await data<{ journal: Journal; added: number }>('journal.save', {
      token: again.token,
      name: 'Diary',
      ownerName: 'Samuel Pepys',
      birthYear: 1633,
    });
    expect(second).toMatchObject({
      added: 0,
      journal: { id: saved.journal.id, entryCount: preview.entryCount },
    });
    expect(await data<Journal[]>('journal.list', {})).toHaveLength(1);

    const january = await data<{ entries: { date: string; text: string }[] }>('journal.entries', {
      id: saved.journal.id,
      from: '1660-01-01',
      to: '1660-01-31',
    });
    expect(january.entries[0].date).toBe('1660-01-01');
    const hits = await data<unknown[]>('journal.searchEntries', { id: saved.journal.id, query: 'Whitehall' });
    expect(hits.length).toBeGreaterThan(0);
  }, 60_000);

  it('parses on the import worker thread when the host has one', async () => {
    let spawned = 0;
    const workerCore = await createCore(
      testPorts(mkdtempSync(join(tmpdir(), 'penpal-journals-worker-')), {
        spawnImportWorker: () => {
          spawned++;
          return spawnSourceImportWorker();
        },
      }),
    );
    try {
      const workerBridge = createInMemoryBridge(workerCore.dispatcher, workerCore.events);
      const file = journalSample('derived-luxun-1912-1914/luxun_diary_1912-1914.md');
      const up = (await workerBridge.request('journal.upload', {
        files: [{ path: file.path, base64: b64(file.bytes) }],
      })) as { ok: true; data: { uploadId: string } };
      const result = (await workerBridge.request('journal.preview', {
        uploadId: up.data.uploadId,
      })) as Result;
      expect(result.ok).toBe(true);
      expect((result as { data: JournalPreview }).data.firstDate?.slice(0, 4)).toBe('1912');
      expect(spawned).toBe(1);
    } finally {
      await workerCore.close();
    }
  }, 60_000);

  it('takes a folder of more than 100 files, uploaded in batches', async () => {
    const notes = Array.from({ length: 250 }, (_, index) => {
      const day = new Date(Date.UTC(2023, 0, 1 + index)).toISOString().slice(0, 10);
      return { path: `Daily/${day}.md`, bytes: strToU8(`Walked the dog, day ${index}.`) };
    });
    let uploadId: string | undefined;
    for (let start = 0; start < notes.length; start += 100) {
      const batch = notes
        .slice(start, start + 100)
        .map((file) => ({ path: file.path, base64: b64(file.bytes) }));
      ({ uploadId } = await data<{ uploadId: string }>('journal.upload', { uploadId, files: batch }));
    }
    const preview = await data<JournalPreview>('journal.preview', { uploadId });
    expect(preview).toMatchObject({ entryCount: 250, fileCount: 250, firstDate: '2023-01-01' });
  });

  it('reads dropped paths itself: a folder is walked', async () => {
    const folder = join(dataDir, 'vault', 'Daily');
    mkdirSync(folder, { recursive: true });
    for (let day = 1; day <= 120; day++) {
      writeFileSync(
        join(folder, `2024-03-${String((day % 28) + 1).padStart(2, '0')}-${day}.md`),
        `Note ${day}`,
      );
    }
    writeFileSync(join(folder, '2024-05-01.md'), 'A dated note.');
    const preview = await data<JournalPreview>('journal.previewPaths', { paths: [join(dataDir, 'vault')] });
    expect(preview.entryCount).toBeGreaterThanOrEqual(1);
    expect(preview.lastDate).toBe('2024-05-01');
  });

  describe('bad input gets a clear message and saves nothing', () => {
    const expectNothingSaved = async () => expect(await data<Journal[]>('journal.list', {})).toEqual([]);

    it('a binary file', async () => {
      const png = new Uint8Array([
        0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
      ]);
      const error = await failure('journal.preview', {
        uploadId: await upload([{ path: 'diary.txt', bytes: png }]),
      });
      expect(error).toEqual({
        code: 'import_failed',
        message: '“diary.txt” is not a text file or a journal export Penpal can read.',
      });
      await expectNothingSaved();
    });

    it('a file over the size limit, refused by its size on disk before reading', async () => {
      const huge = join(dataDir, 'huge.txt');
      writeFileSync(huge, '');
      truncateSync(huge, 65 * 1024 * 1024); // sparse: nothing to read, only a size
      const error = await failure('journal.previewPaths', { paths: [huge] });
      expect(error.code).toBe('import_failed');
      expect(error.message).toMatch(/“huge\.txt” is 65 MB, over the 64 MB limit/);
      await expectNothingSaved();
    });

    it('a zip bomb, stopped while inflating', async () => {
      const bomb = zipSync({ 'entries/a.json': new Uint8Array(40 * 1024 * 1024) }, { level: 9 });
      const error = await failure('journal.preview', {
        uploadId: await upload([{ path: 'export.zip', bytes: bomb }]),
      });
      expect(error.message).toMatch(/“export\.zip” unpacks to more than \d+ MB \(a zip bomb/);
      await expectNothingSaved();
    });

    it('a scanned PDF', async () => {
      const error = await failure('journal.preview', {
        uploadId: await upload([{ path: 'scan.pdf', bytes: pdfWithoutText() }]),
      });
      expect(error.message).toMatch(/looks scanned.*OCR is not supported/);
      await expectNothingSaved();
    }, 60_000);

    it('a file with no recognizable entries', async () => {
      const error = await failure('journal.preview', {
        uploadId: await upload([{ path: 'shopping.txt', bytes: strToU8('eggs\nmilk\nbread\n') }]),
      });
      expect(error.code).toBe('import_failed');
      expect(error.message).toMatch(/shopping\.txt/);
      await expectNothingSaved();
    });

    it('an upload batch over the per-request file count', async () => {
      const files = Array.from({ length: 201 }, (_, i) => ({ path: `${i}.md`, base64: 'eA==' }));
      expect((await failure('journal.upload', { files })).code).toBe('invalid_input');
    });
  });
});

/** A one-page PDF that draws a square and has no text layer, as a scan without OCR. */
function pdfWithoutText(): Uint8Array {
  const drawing = '0 0 1 rg 20 20 160 160 re f';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    `<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, index) => {
    offsets.push(body.length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(body);
}
