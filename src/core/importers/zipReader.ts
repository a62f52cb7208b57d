import { Inflate } from 'fflate';
import { AppError } from '../../shared/errors';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from '../../shared/limits';

/**
 * Reading a zip without trusting it. fflate inflates; this module finds the entries and counts.
 *
 * Why the directory is read by hand: fflate's `unzipSync` reads the central directory but
 * inflates each entry whole (into a buffer of the size the archive claims), so nothing can stop
 * it part way; its streaming `Unzip` reads the local headers instead and, for entries written
 * with a data descriptor (macOS's Archive Utility, any streaming zipper), finds their end by
 * scanning the compressed bytes for a signature, which real compressed data can contain. Neither
 * exposes the directory with the entries' offsets, so the ~60 lines below read it, and each entry
 * goes through fflate's streaming `Inflate` a slice at a time, its output counted as it arrives.
 */

/** One file of the archive, as its central directory describes it. */
export interface ZipEntry {
  name: string;
  /** 0: stored, 8: deflate (the only two Penpal reads). */
  method: number;
  compressedSize: number;
  /** What the archive claims; the real size is counted while inflating. */
  declaredSize: number;
  encrypted: boolean;
  localHeaderOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FULL32 = 0xffffffff;
// Compressed bytes handed to the inflater at a time. Deflate expands at most ~1032:1, so a slice
// is never bigger than the room left under the caps allows (at least 16 KB: ~16 MB out at worst),
// and a cap is noticed within one slice of being passed; honest text, far under its caps, goes
// in slices of up to 1 MB, as fast as inflating whole.
const MIN_SLICE = 16 * 1024;
const MAX_SLICE = 1024 * 1024;
const MAX_DEFLATE_RATIO = 1032;

/** Thrown inside the inflater's callback to stop it; turned into an `import_failed` message. */
class LimitPassed extends Error {}

/** The entries of the zip, from its central directory. Throws `Error` when it cannot be read. */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number): number => view.getUint16(at, true);
  const u32 = (at: number): number => view.getUint32(at, true);
  const u64 = (at: number): number => Number(view.getBigUint64(at, true));
  // The end record is in the last 64 KiB + 22 bytes (its comment is at most 65535 bytes).
  let end = bytes.length - 22;
  const lowest = Math.max(0, bytes.length - 22 - 65535);
  while (end >= lowest && u32(end) !== EOCD) end--;
  if (end < lowest) throw new Error('no end of central directory');
  let count = u16(end + 10);
  let offset = u32(end + 16);
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const zip64 = u64(end - 12);
    if (u32(zip64) === ZIP64_EOCD) {
      count = u64(zip64 + 32);
      offset = u64(zip64 + 48);
    }
  }
  const entries: ZipEntry[] = [];
  for (let index = 0; index < count; index++) {
    if (u32(offset) !== CENTRAL) throw new Error('damaged central directory');
    const flags = u16(offset + 8);
    const nameLength = u16(offset + 28);
    const extraLength = u16(offset + 30);
    const commentLength = u16(offset + 32);
    const nameBytes = bytes.subarray(offset + 46, offset + 46 + nameLength);
    const entry: ZipEntry = {
      // Bit 11: UTF-8 names; otherwise CP437, read as Latin-1 as fflate does.
      name: flags & 0x800 ? new TextDecoder().decode(nameBytes) : String.fromCharCode(...nameBytes),
      method: u16(offset + 10),
      compressedSize: u32(offset + 20),
      declaredSize: u32(offset + 24),
      encrypted: (flags & 1) === 1,
      localHeaderOffset: u32(offset + 42),
    };
    readZip64Extra(view, offset + 46 + nameLength, extraLength, entry);
    entries.push(entry);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

// Sizes and offsets too big for 32 bits are in the 0x0001 extra field, in this order.
function readZip64Extra(view: DataView, start: number, length: number, entry: ZipEntry): void {
  for (let at = start; at + 4 <= start + length;) {
    const id = view.getUint16(at, true);
    const size = view.getUint16(at + 2, true);
    if (id === 1) {
      let field = at + 4;
      const next = (): number => {
        const value = Number(view.getBigUint64(field, true));
        field += 8;
        return value;
      };
      if (entry.declaredSize === FULL32) entry.declaredSize = next();
      if (entry.compressedSize === FULL32) entry.compressedSize = next();
      if (entry.localHeaderOffset === FULL32) entry.localHeaderOffset = next();
      return;
    }
    at += 4 + size;
  }
}

/**
 * Inflates the chosen entries of a zip, counting bytes as they come out: the total, each entry
 * and the ratio to the zip's size are checked against `limits` all along, and the first one passed
 * stops the reading with `import_failed` (nothing returned, so nothing is imported). A damaged
 * archive is `import_failed` too. `fileName` names the zip in messages.
 */
export function inflateZipEntries(
  bytes: Uint8Array,
  entries: ZipEntry[],
  fileName: string,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Map<string, Uint8Array> {
  // The ratio is measured against the whole zip: a hundred small bombs add up like one big one.
  const totalAllowed = Math.min(
    limits.maxTotalBytes,
    Math.max(limits.ratioFloorBytes, limits.maxRatio * bytes.length),
  );
  const tooBig = (): AppError =>
    new AppError(
      'import_failed',
      `"${fileName}" expands to more than ${describeSize(totalAllowed)} (from ${describeSize(bytes.length)}), ` +
        'more than Penpal reads from one archive; Penpal stopped reading it. Nothing was imported. ' +
        'If it is a real export, unzip it and choose its conversations-…json files a few at a time.',
    );
  const entryTooBig = (entry: ZipEntry): AppError =>
    new AppError(
      'import_failed',
      `"${fileName} › ${entry.name}" expands to more than ${describeSize(limits.maxEntryBytes)}; ` +
        'Penpal stopped reading it. Nothing was imported.',
    );
  const ratioTooHigh = (entry: ZipEntry): AppError =>
    new AppError(
      'import_failed',
      `"${fileName} › ${entry.name}" expands more than ${limits.maxRatio} times over, as only an ` +
        'archive built to exhaust memory does. Penpal stopped reading it. Nothing was imported.',
    );
  // Past the floor an entry may not have grown more than the ratio times what it has read so far.
  const ratioPassed = (size: number, compressed: number): boolean =>
    size > Math.max(limits.ratioFloorBytes, limits.maxRatio * compressed);

  // What the archive claims is checked first: an honest bomb is refused before any inflating.
  let declaredTotal = 0;
  for (const entry of entries) {
    declaredTotal += entry.declaredSize;
    if (entry.declaredSize > limits.maxEntryBytes) throw entryTooBig(entry);
    if (ratioPassed(entry.declaredSize, entry.compressedSize)) throw ratioTooHigh(entry);
  }
  if (declaredTotal > totalAllowed) throw tooBig();

  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new AppError('import_failed', `"${fileName}" is password-protected; unzip it first.`);
    }
    const data = entryData(bytes, entry, fileName);
    if (entry.method === 0) {
      if (data.length > limits.maxEntryBytes) throw entryTooBig(entry);
      total += data.length;
      if (total > totalAllowed) throw tooBig();
      files.set(entry.name, data);
      continue;
    }
    if (entry.method !== 8) {
      throw new AppError(
        'import_failed',
        `"${fileName} › ${entry.name}" uses a compression Penpal cannot read (method ${entry.method}); unzip it and choose its files.`,
      );
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    let consumed = 0;
    // Throwing from the callback stops `push` at once: nothing more is inflated.
    const inflater = new Inflate((chunk) => {
      size += chunk.length;
      total += chunk.length;
      if (size > limits.maxEntryBytes) throw new LimitPassed('entry');
      if (ratioPassed(size, consumed)) throw new LimitPassed('ratio');
      if (total > totalAllowed) throw new LimitPassed('total');
      chunks.push(chunk);
    });
    try {
      for (let at = 0; at < data.length;) {
        const room = Math.min(
          limits.maxEntryBytes - size,
          totalAllowed - total,
          Math.max(limits.ratioFloorBytes, limits.maxRatio * consumed) - size,
        );
        const length = Math.min(MAX_SLICE, Math.max(MIN_SLICE, Math.floor(room / MAX_DEFLATE_RATIO)));
        const slice = data.subarray(at, at + length);
        at += slice.length;
        consumed += slice.length;
        inflater.push(slice, at >= data.length);
      }
      if (data.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (error) {
      if (error instanceof LimitPassed) {
        if (error.message === 'entry') throw entryTooBig(entry);
        throw error.message === 'ratio' ? ratioTooHigh(entry) : tooBig();
      }
      throw damaged(fileName, error);
    }
    files.set(entry.name, concat(chunks, size));
  }
  return files;
}

function entryData(bytes: Uint8Array, entry: ZipEntry, fileName: string): Uint8Array {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || new DataView(bytes.buffer, bytes.byteOffset).getUint32(at, true) !== LOCAL) {
    throw damaged(fileName, new Error(`${entry.name} is missing`));
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset + at, 30);
  const start = at + 30 + view.getUint16(26, true) + view.getUint16(28, true);
  if (start + entry.compressedSize > bytes.length) {
    throw damaged(fileName, new Error(`${entry.name} is cut short`));
  }
  return bytes.subarray(start, start + entry.compressedSize);
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/** The zip could not be read: the same words whatever broke. */
export function damaged(fileName: string, error: unknown): AppError {
  const detail = error instanceof Error ? ` (${error.message})` : '';
  return new AppError(
    'import_failed',
    `"${fileName}" could not be read as a zip file; it may be damaged or incomplete${detail}.`,
  );
}

function describeSize(bytes: number): string {
  const MiB = 1024 * 1024;
  if (bytes >= 1024 * MiB) return `${Math.round((bytes / 1024 / MiB) * 10) / 10} GB`;
  if (bytes >= MiB) return `${Math.round(bytes / MiB)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
