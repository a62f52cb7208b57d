import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rename, rm, stat, statfs } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { AppError } from '../../shared/errors';
import { checkGgufMagic } from './modelFile';

/**
 * Downloads a model file with resume: bytes go to `<dest>.part`, a later call (or a retry after a
 * dropped connection) asks for the rest with an HTTP Range request, the free space is checked
 * before starting and the SHA-256 at the end; only a complete, matching GGUF becomes `dest`.
 */

/** What to download and where. */
export interface DownloadRequest {
  url: string;
  dest: string;
  /** The expected SHA-256 (hex); a mismatch deletes the file. */
  sha256?: string;
  /** The expected size in bytes, for the free-space check before the server answers. */
  sizeBytes?: number;
  signal?: AbortSignal;
  /** The network to use (the user's proxy applies to downloads too). */
  fetch?: typeof globalThis.fetch;
  /** Tries after a dropped connection, each resuming where the last stopped (default 3). */
  retries?: number;
  onProgress?(received: number, total: number | null): void;
}

/** Room kept free on the disk beyond the file itself. */
const SPARE_BYTES = 64 * 1024 * 1024;

async function sizeOf(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch {
    return 0;
  }
}

async function checkFreeSpace(dir: string, needed: number): Promise<void> {
  const fs = await statfs(dir);
  const free = fs.bavail * fs.bsize;
  if (free < needed + SPARE_BYTES) {
    const gb = (n: number) => (n / 1e9).toFixed(1);
    throw new AppError(
      'disk_full',
      `There is not enough free space for this model: it needs ${gb(needed)} GB more, and ${gb(free)} GB are free.`,
    );
  }
}

/** The total size from a 206's Content-Range or a 200's Content-Length. */
function totalOf(res: Response, offset: number): number | null {
  const range = /\/(\d+)$/.exec(res.headers.get('content-range') ?? '');
  if (range) return Number(range[1]);
  const length = Number(res.headers.get('content-length'));
  return Number.isFinite(length) && length > 0 ? length + (res.status === 206 ? offset : 0) : null;
}

/** One attempt: asks for the bytes after what the part file has and appends them. */
async function attempt(request: DownloadRequest, part: string): Promise<{ total: number | null }> {
  const doFetch = request.fetch ?? globalThis.fetch;
  let offset = await sizeOf(part);
  if (request.sizeBytes) await checkFreeSpace(dirname(part), Math.max(0, request.sizeBytes - offset));
  const res = await doFetch(request.url, {
    headers: offset > 0 ? { range: `bytes=${offset}-` } : {},
    signal: request.signal,
    redirect: 'follow',
  });
  if (res.status === 416 && offset > 0) return { total: offset };
  if (!res.ok || !res.body) {
    throw new AppError('download_failed', `The server answered ${res.status} for the model file.`);
  }
  if (res.status === 200 && offset > 0) {
    // The server ignored the Range: start over rather than append the file to its own head.
    await rm(part, { force: true });
    offset = 0;
  }
  const total = totalOf(res, offset);
  if (total && !request.sizeBytes) await checkFreeSpace(dirname(part), total - offset);
  let received = offset;
  request.onProgress?.(received, total);
  // Written, then counted: what progress and the part file say is always on disk.
  const file = await open(part, 'a');
  try {
    for await (const chunk of Readable.fromWeb(
      res.body as import('node:stream/web').ReadableStream<Uint8Array>,
    )) {
      await file.write(chunk as Uint8Array);
      received += (chunk as Uint8Array).length;
      request.onProgress?.(received, total);
    }
  } finally {
    await file.close();
  }
  if (total !== null && received < total) {
    throw new AppError('download_failed', `The connection closed at ${received} of ${total} bytes.`);
  }
  return { total };
}

async function sha256Of(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Downloads (or resumes) `url` to `dest`; throws AppError `aborted` when paused (the part is kept). */
export async function downloadModel(request: DownloadRequest): Promise<void> {
  const part = `${request.dest}.part`;
  const retries = request.retries ?? 3;
  for (let tries = 0; ; tries++) {
    try {
      await attempt(request, part);
      break;
    } catch (err) {
      if (request.signal?.aborted) throw new AppError('aborted', 'The download was paused.');
      if (err instanceof AppError && err.code === 'disk_full') throw err;
      if (tries >= retries) {
        throw err instanceof AppError
          ? err
          : new AppError(
              'download_failed',
              `The download was interrupted (${err instanceof Error ? err.message : String(err)}). It resumes where it stopped.`,
            );
      }
    }
  }
  if (request.sha256 && (await sha256Of(part)) !== request.sha256.toLowerCase()) {
    await rm(part, { force: true });
    throw new AppError(
      'checksum_mismatch',
      'The downloaded file does not match its checksum, so it was deleted.',
    );
  }
  try {
    await checkGgufMagic(part);
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
  await rename(part, request.dest);
}

/** A Hugging Face page or file address as the direct download URL (`blob/` → `resolve/`). */
export function huggingFaceFileURL(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new AppError('bad_url', 'That is not a web address.');
  }
  if (url.protocol !== 'https:' || !/(^|\.)huggingface\.co$/.test(url.hostname)) {
    throw new AppError('bad_url', 'Give the address of a .gguf file on huggingface.co.');
  }
  const parts = url.pathname.split('/').filter(Boolean);
  // <owner>/<repo>/(blob|resolve)/<revision>/<path…>.gguf
  if (parts.length < 5 || !['blob', 'resolve'].includes(parts[2]!) || !/\.gguf$/i.test(parts.at(-1)!)) {
    throw new AppError('bad_url', 'Give the address of one .gguf file (…/resolve/main/model.gguf).');
  }
  parts[2] = 'resolve';
  return `https://huggingface.co/${parts.join('/')}`;
}
