import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import WS from 'ws';

describe('npm run web (src/web/cli.ts)', () => {
  it('prints one URL line, serves the contract, and stops cleanly on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'penpal-cli-'));
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/web/cli.ts'], {
      env: { ...process.env, PENPAL_PORT: '0', PENPAL_DATA_DIR: dataDir, LANG: 'zh_CN.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL:\n${output}`)), 15_000);
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const line = output.split('\n').find((candidate) => candidate.startsWith('http'));
        if (line) {
          clearTimeout(timer);
          resolve(line.trim());
        }
      });
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
    });
    child.removeAllListeners('exit');
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{32,}$/);

    const page = new URL(url);
    const socket = new WS(`ws://${page.host}/ws?token=${page.searchParams.get('token')}`, {
      origin: page.origin,
    });
    const info = await new Promise<unknown>((resolve, reject) => {
      socket.once('error', reject);
      socket.once('open', () =>
        socket.send(JSON.stringify({ type: 'request', id: 7, method: 'app.info', input: {} })),
      );
      socket.on('message', (data) => resolve(JSON.parse(String(data))));
    });
    expect(info).toMatchObject({
      type: 'result',
      id: 7,
      result: { ok: true, data: { host: 'web', dataDir, systemLanguage: 'zh-CN' } },
    });
    socket.close();

    const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });
});
