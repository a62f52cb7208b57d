/**
 * The one place the journal importer unpacks zips (Day One and Journey exports, and the check
 * that a `.docx` is not a zip bomb). Sizes are counted while inflating, not taken from the
 * archive's own (forgeable) headers.
 *
 * When the shared capped unzip lands in `../importers/files.ts`, this function's body can become
 * a call to it; every caller here goes through `unzipCapped` alone.
 */
import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { AppError } from '../../shared/errors';
import { DEFAULT_ZIP_LIMITS as SHARED_ZIP_LIMITS } from '../../shared/limits';

/** Limits for one archive. */
export interface ZipLimits {
  /** Largest total of inflated bytes. */
  maxTotalBytes: number;
  /** Most entries. */
  maxEntries: number;
}

/** Default limits: generous for a decade of journal exports, far below what would exhaust memory. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxTotalBytes: 512 * 1024 * 1024, maxEntries: 50_000 };

/** The default limits with the caller's cap on unpacked bytes, when it gives one. */
export function zipLimitsFor(maxUnpackedBytes: number | undefined): ZipLimits {
  return { ...DEFAULT_ZIP_LIMITS, maxTotalBytes: maxUnpackedBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes };
}

/** One file inside a zip. */
export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

/**
 * Inflates the entries `wanted` accepts (all when omitted; folders and macOS `__MACOSX/` forks
 * never). Throws `import_failed` for a damaged archive or one that inflates past the limits.
 */
export function unzipCapped(
  bytes: Uint8Array,
  displayName: string,
  wanted: (path: string) => boolean = () => true,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntry[] {
  const entries: ZipEntry[] = [];
  // A journal export compresses perhaps 5–20:1; past 8 MB, growing over 100 times the zip's own
  // size is only what a zip bomb does (the same rule as the chat importer's, `shared/limits.ts`).
  const allowed = Math.min(
    limits.maxTotalBytes,
    Math.max(SHARED_ZIP_LIMITS.ratioFloorBytes, SHARED_ZIP_LIMITS.maxRatio * bytes.length),
  );
  let total = 0;
  let count = 0;
  let failure: AppError | null = null;
  const fail = (message: string): void => {
    failure ??= new AppError('import_failed', message);
  };
  const unzip = new Unzip((file) => {
    if (failure) return;
    if (++count > limits.maxEntries) {
      fail(
        `“${displayName}” holds more than ${limits.maxEntries.toLocaleString('en')} files; it was not opened.`,
      );
      return;
    }
    if (file.name.endsWith('/') || file.name.startsWith('__MACOSX/') || !wanted(file.name)) return;
    const chunks: Uint8Array[] = [];
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) return fail(damaged(displayName, error.message));
      total += chunk.length;
      if (total > allowed) {
        file.terminate();
        return fail(
          `“${displayName}” unpacks to more than ${Math.round(allowed / 1024 / 1024)} MB (a zip bomb, or far larger than a journal); it was not opened.`,
        );
      }
      chunks.push(chunk);
      if (final) entries.push({ path: file.name, bytes: concat(chunks) });
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  unzip.register(UnzipPassThrough);
  try {
    unzip.push(bytes, true);
  } catch (error) {
    fail(damaged(displayName, error instanceof Error ? error.message : String(error)));
  }
  if (failure) throw failure;
  if (count === 0) throw new AppError('import_failed', damaged(displayName, 'no files found in it'));
  return entries;
}

/** Whether the bytes start like a zip archive. */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
  );
}

function damaged(name: string, detail: string): string {
  return `“${name}” could not be unpacked; the zip file may be damaged or incomplete (${detail}).`;
}

function concat(chunks: Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const size = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}
