import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import type { ZipLimits } from '../../shared/limits';
import { parseImportFiles, type ImportFile } from './index';
import { sampleText } from './testSamples';
import { buildZip, deflatedEntry, writeZeroBomb, zerosEntry, type RawEntry } from './testing/zipBuilder';

const EXPORT = 'librechat-import-fixtures/chatgpt-export.json';
const CHILD = join(import.meta.dirname, 'testing', 'importChild.ts');
const MiB = 1024 * 1024;

// Small caps so each test needs only a few megabytes.
const LIMITS: ZipLimits = {
  maxTotalBytes: 6 * MiB,
  maxEntryBytes: 4 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 1 * MiB,
};

function zip(entries: RawEntry[]): ImportFile {
  return { name: 'export.zip', bytes: buildZip(entries) };
}

/** The same entry with headers that claim it is tiny: only counting while inflating catches it. */
function lying(entry: RawEntry): RawEntry {
  return { ...entry, declaredSize: 100 };
}

function refusal(file: ImportFile, limits: ZipLimits = LIMITS): AppError {
  try {
    parseImportFiles([file], undefined, { zip: limits });
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return error as AppError;
  }
  throw new Error('expected the import to be refused');
}

/** Text that compresses about as well as a real export (~10:1): a repeated sample. */
function jsonPadding(bytes: number): string {
  const sample = sampleText(EXPORT);
  return sample.repeat(Math.ceil(bytes / sample.length)).slice(0, bytes);
}

describe('zip limits, checked while inflating', () => {
  it('stops an entry past the per-entry cap, whatever its header claims', () => {
    for (const entry of [zerosEntry('conversations.json', 5), lying(zerosEntry('conversations.json', 5))]) {
      // Ratio out of the way: this is about the entry's size alone.
      const error = refusal(zip([entry]), { ...LIMITS, maxRatio: 10_000 });
      expect(error.code).toBe('import_failed');
      expect(error.message).toMatch(/conversations\.json" expands to more than 4 MB/);
      expect(error.message).toContain('Nothing was imported.');
    }
  });

  it('stops when the entries together pass the total cap', () => {
    const shards = [1, 2, 3, 4].map((n) => zerosEntry(`conversations-00${n}.json`, 2));
    for (const entries of [shards, shards.map(lying)]) {
      const error = refusal(zip(entries), { ...LIMITS, maxRatio: 10_000 });
      expect(error.code).toBe('import_failed');
      expect(error.message).toMatch(/"export\.zip" expands to more than 6 MB/);
      expect(error.message).toContain('Penpal stopped reading it. Nothing was imported.');
      expect(error.message).toContain('(from ');
    }
  });

  it('stops a ratio past 100:1 once past the floor, and lets honest text through', () => {
    // 3 MiB of zeros is ~3 KB: 1000:1, under both size caps.
    const bomb = refusal(zip([lying(zerosEntry('conversations.json', 3))]));
    expect(bomb.code).toBe('import_failed');
    expect(bomb.message).toMatch(/conversations\.json" expands more than 100 times over/);
    // Real JSON of the same size is read (and then found not to be an export: not a size error).
    const honest = refusal(zip([deflatedEntry('conversations.json', `[${jsonPadding(3 * MiB)}`)]));
    expect(honest.message).not.toMatch(/expands to more than/);
    expect(honest.message).toMatch(/not valid JSON/);
  });

  it('still reads a real export zip under the default limits', () => {
    const parsed = parseImportFiles([zip([deflatedEntry('conversations.json', sampleText(EXPORT))])]);
    expect(parsed.conversations.length).toBeGreaterThan(0);
  });

  it('refuses a damaged zip with a clear message', () => {
    const bytes = buildZip([deflatedEntry('conversations.json', sampleText(EXPORT))]);
    const error = refusal({ name: 'cut.zip', bytes: bytes.subarray(0, 200) });
    expect(error.message).toMatch(/"cut\.zip" could not be read as a zip file/);
  });
});

describe('a 1.5 MB zip bomb under the real limits', () => {
  let folder = '';
  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), 'penpal-bomb-'));
    // 1,500 MiB of zeros in ~1.5 MB, with honest headers and with headers claiming 100 bytes.
    await writeZeroBomb(join(folder, 'honest.zip'), 1500);
    await writeZeroBomb(join(folder, 'lying.zip'), 1500, 100);
  });
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is refused and keeps the process under 400 MB resident', async () => {
    for (const name of ['honest.zip', 'lying.zip']) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        ['--import', 'tsx', CHILD, join(folder, name)],
        { cwd: process.cwd(), timeout: 60_000 },
      );
      const outcome = JSON.parse(stdout.trim()) as { code?: string; message?: string; peakMb: number };
      expect(outcome.code, name).toBe('import_failed');
      expect(outcome.message).toMatch(/conversations\.json" expands .*Nothing was imported\./);
      console.log(`${name}: peak resident memory ${outcome.peakMb} MB`);
      expect(outcome.peakMb, name).toBeLessThan(400);
    }
  }, 60_000);
});
