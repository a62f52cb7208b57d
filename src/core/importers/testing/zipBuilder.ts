/**
 * Test helpers that build zips byte by byte, as a zip tool would (or as an attacker would):
 * deflated entries whose headers may understate their size, and a zip bomb of zeros written
 * straight to disk without ever holding its inflated content.
 */
import { createWriteStream } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';

/** One entry to write: its name, its deflated bytes, and what the headers should say. */
export interface RawEntry {
  name: string;
  deflated: Uint8Array;
  crc: number;
  /** The uncompressed size the headers claim (an attacker's zip may lie). */
  declaredSize: number;
}

/** A deflated entry of `text`, with honest headers. */
export function deflatedEntry(name: string, content: string | Uint8Array): RawEntry {
  const bytes = typeof content === 'string' ? Buffer.from(content) : content;
  return {
    name,
    deflated: deflateRawSync(bytes, { level: 9 }),
    crc: crc32(bytes),
    declaredSize: bytes.length,
  };
}

/** A deflated entry of `megabytes` MiB of zeros (about 1 KB per MiB), with honest headers. */
export function zerosEntry(name: string, megabytes: number): RawEntry {
  const { block, final } = zeroBlocks();
  const deflated = Buffer.concat([...Array.from({ length: megabytes }, () => block), final]);
  return { name, deflated, crc: zerosCrc(megabytes), declaredSize: megabytes * MiB };
}

/** The zip holding `entries`, in order: local headers and data, then the central directory. */
export function buildZip(entries: RawEntry[]): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = localHeader(entry, name, entry.deflated.length);
    parts.push(local, Buffer.from(entry.deflated));
    central.push(centralHeader(entry, name, entry.deflated.length, offset));
    offset += local.length + entry.deflated.length;
  }
  const directory = Buffer.concat(central);
  return Buffer.concat([...parts, directory, endRecord(entries.length, directory.length, offset)]);
}

/**
 * Writes a zip of one `conversations.json` holding `megabytes` MiB of zeros to `path`, streaming:
 * ~1.5 MB on disk for 1,500 MiB inflated. The headers are honest, as any zip tool writes them,
 * unless `declaredSize` makes them lie.
 */
export async function writeZeroBomb(path: string, megabytes: number, declaredSize?: number): Promise<void> {
  const { block, final } = zeroBlocks();
  const compressedSize = block.length * megabytes + final.length;
  const entry: RawEntry = {
    name: 'conversations.json',
    deflated: new Uint8Array(0),
    crc: zerosCrc(megabytes),
    declaredSize: declaredSize ?? megabytes * MiB,
  };
  const name = Buffer.from(entry.name);
  const out = createWriteStream(path);
  const write = (chunk: Uint8Array): Promise<void> =>
    new Promise((resolve, reject) => out.write(chunk, (error) => (error ? reject(error) : resolve())));
  const local = localHeader(entry, name, compressedSize);
  await write(local);
  for (let index = 0; index < megabytes; index++) await write(block);
  await write(final);
  const directory = centralHeader(entry, name, compressedSize, 0);
  await write(directory);
  await write(endRecord(1, directory.length, local.length + compressedSize));
  await new Promise<void>((resolve, reject) =>
    out.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
}

const MiB = 1024 * 1024;

// Deflating 1 MiB of zeros with a full flush resets the compressor, so the same bytes stand for
// every MiB: the bomb is built by repeating them, not by deflating 1.5 GB (which takes seconds).
function zeroBlocks(): { block: Buffer; final: Buffer } {
  const block = deflateRawSync(Buffer.alloc(MiB), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  // A final, empty block with fixed codes: BFINAL=1, BTYPE=01, end-of-block.
  return { block, final: Buffer.from([0x03, 0x00]) };
}

function zerosCrc(megabytes: number): number {
  const zeros = Buffer.alloc(MiB);
  let crc = 0;
  for (let index = 0; index < megabytes; index++) crc = crc32(zeros, crc);
  return crc;
}

function localHeader(entry: RawEntry, name: Buffer, compressedSize: number): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(0x800, 6);
  header.writeUInt16LE(8, 8);
  header.writeUInt32LE(entry.crc >>> 0, 14);
  header.writeUInt32LE(compressedSize, 18);
  header.writeUInt32LE(entry.declaredSize, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name]);
}

function centralHeader(entry: RawEntry, name: Buffer, compressedSize: number, offset: number): Buffer {
  const header = Buffer.alloc(46);
  header.writeUInt32LE(0x02014b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(20, 6);
  header.writeUInt16LE(0x800, 8);
  header.writeUInt16LE(8, 10);
  header.writeUInt32LE(entry.crc >>> 0, 16);
  header.writeUInt32LE(compressedSize, 20);
  header.writeUInt32LE(entry.declaredSize, 24);
  header.writeUInt16LE(name.length, 28);
  header.writeUInt32LE(offset, 42);
  return Buffer.concat([header, name]);
}

function endRecord(count: number, directorySize: number, directoryOffset: number): Buffer {
  const record = Buffer.alloc(22);
  record.writeUInt32LE(0x06054b50, 0);
  record.writeUInt16LE(count, 8);
  record.writeUInt16LE(count, 10);
  record.writeUInt32LE(directorySize, 12);
  record.writeUInt32LE(directoryOffset, 16);
  return record;
}
