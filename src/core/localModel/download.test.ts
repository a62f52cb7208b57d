import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { downloadModel, huggingFaceFileURL } from './download';
import { tinyGguf } from './testing/tinyGguf';

// A real loopback HTTP server serving the tiny model, with Range support and a way to drop the
// connection part way, as a flaky network would.

const model = tinyGguf();
const sha256 = createHash('sha256').update(model).digest('hex');
let server: Server;
let base: string;
let dir: string;
let dropAfter: number | null = null;
let ranges: (string | undefined)[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    ranges.push(req.headers.range);
    const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    const body = model.subarray(start);
    res.writeHead(start ? 206 : 200, {
      'content-length': body.length,
      ...(start ? { 'content-range': `bytes ${start}-${model.length - 1}/${model.length}` } : {}),
    });
    if (dropAfter !== null) {
      const cut = dropAfter;
      dropAfter = null;
      // Dropped once the client has read what was sent, as a connection lost mid-file.
      res.write(body.subarray(0, cut), () => setTimeout(() => res.destroy(), 200));
      return;
    }
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'penpal-download-'));
  ranges = [];
  dropAfter = null;
});

afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('downloading a model', () => {
  it('resumes with a Range request after the connection drops, and checks the sum', async () => {
    const dest = join(dir, 'tiny.gguf');
    dropAfter = 100_000;
    const seen: number[] = [];
    await downloadModel({
      url: `${base}/tiny.gguf`,
      dest,
      sha256,
      onProgress: (received) => seen.push(received),
    });
    expect(readFileSync(dest).equals(model)).toBe(true);
    expect(ranges[0]).toBeUndefined();
    expect(ranges[1]).toBe(`bytes=${100_000}-`);
    expect(seen.at(-1)).toBe(model.length);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('keeps the part when paused, and a later call finishes it', async () => {
    const dest = join(dir, 'paused.gguf');
    const controller = new AbortController();
    await expect(
      downloadModel({
        url: `${base}/tiny.gguf`,
        dest,
        sha256,
        signal: controller.signal,
        onProgress: (received) => {
          if (received > 0) controller.abort();
        },
      }),
    ).rejects.toMatchObject({ code: 'aborted' });
    expect(existsSync(dest)).toBe(false);
    const kept = readFileSync(`${dest}.part`).length;
    expect(kept).toBeGreaterThan(0);
    await downloadModel({ url: `${base}/tiny.gguf`, dest, sha256 });
    expect(ranges.at(-1)).toBe(`bytes=${kept}-`);
    expect(readFileSync(dest).equals(model)).toBe(true);
  });

  it('refuses a file whose checksum does not match, and keeps nothing', async () => {
    const dest = join(dir, 'wrong.gguf');
    await expect(
      downloadModel({ url: `${base}/tiny.gguf`, dest, sha256: '0'.repeat(64) }),
    ).rejects.toMatchObject({
      code: 'checksum_mismatch',
    });
    expect(existsSync(dest)).toBe(false);
    expect(existsSync(`${dest}.part`)).toBe(false);
  });

  it('says there is no room before downloading anything', async () => {
    const dest = join(dir, 'huge.gguf');
    await expect(downloadModel({ url: `${base}/tiny.gguf`, dest, sizeBytes: 1e15 })).rejects.toMatchObject({
      code: 'disk_full',
      message: expect.stringContaining('not enough free space'),
    });
    expect(ranges).toEqual([]);
  });
});

describe('Hugging Face addresses', () => {
  it('turns a file page into its download address', () => {
    expect(
      huggingFaceFileURL(
        'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/blob/main/qwen2.5-0.5b-instruct-q4_k_m.gguf',
      ),
    ).toBe(
      'https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF/resolve/main/qwen2.5-0.5b-instruct-q4_k_m.gguf',
    );
  });

  it('refuses other hosts and addresses that are not one GGUF file', () => {
    expect(() => huggingFaceFileURL('https://example.com/a/b/resolve/main/x.gguf')).toThrow(/huggingface/);
    expect(() => huggingFaceFileURL('https://huggingface.co/Qwen/Qwen2.5-0.5B-Instruct-GGUF')).toThrow(
      /one \.gguf/,
    );
    expect(() => huggingFaceFileURL('http://huggingface.co/a/b/resolve/main/x.gguf')).toThrow();
  });
});
