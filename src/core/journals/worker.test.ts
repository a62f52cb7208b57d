import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { journalSample } from './testCorpora';
import type { JournalSourceFile, ParsedJournal } from './types';

type Reply = { ok: true; parsed: ParsedJournal } | { ok: false; code: string; message: string };

function parseOnWorker(files: JournalSourceFile[]): Promise<Reply> {
  const worker = new Worker(new URL('./testWorker.ts', import.meta.url), { execArgv: ['--import', 'tsx'] });
  return new Promise<Reply>((resolve, reject) => {
    worker.once('message', (reply: Reply) => resolve(reply));
    worker.once('error', reject);
    worker.postMessage(files);
  }).finally(() => void worker.terminate());
}

describe('parsing on a worker thread', () => {
  // Generous: tsx compiles pdfjs's 2 MB worker module on the first PDF, on a busy 2-CPU machine.
  it(
    'reads a PDF, a Word file and a zip there, with structured-cloneable results',
    { timeout: 60_000 },
    async () => {
      const reply = await parseOnWorker([
        journalSample('derived-pepys-1660-q1/pepys_1660_jan-mar.pdf'),
        journalSample('derived-luxun-1912-1914/luxun_diary_1912.docx'),
        journalSample('journey-markdown-converter-andi0b/journey-multiple-1.zip'),
      ]);
      expect(reply.ok).toBe(true);
      const parsed = (reply as { parsed: ParsedJournal }).parsed;
      expect(parsed.entries).toHaveLength(68 + 236 + 2);
      expect(parsed.format).toBe('docx');
    },
  );

  it('sends back the human message of a failure', async () => {
    const reply = await parseOnWorker([{ path: 'scan.txt', bytes: new Uint8Array([0, 0, 0, 1, 2, 3]) }]);
    expect(reply).toEqual({
      ok: false,
      code: 'import_failed',
      message: '“scan.txt” is not a text file or a journal export Penpal can read.',
    });
  });
});
