import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { tinyGguf } from '../src/core/localModel/testing/tinyGguf';
import { expect, test } from './fixtures/test';
import { freshDataDir, removeDataDir, startHost } from './fixtures/webHost';

// A model of the curated list downloaded from a loopback server, as a person does it: progress,
// Pause, Resume (an HTTP Range request for the rest), checked, then used without any key.

const model = tinyGguf();

/** Serves the model slowly (16 KB every 60 ms) with Range support, recording each Range asked. */
async function slowModelServer(): Promise<{ server: Server; url: string; ranges: (string | undefined)[] }> {
  const ranges: (string | undefined)[] = [];
  const server = createServer((req, res) => {
    ranges.push(req.headers.range);
    const start = Number(/^bytes=(\d+)-$/.exec(req.headers.range ?? '')?.[1] ?? 0);
    res.writeHead(start ? 206 : 200, {
      'content-length': model.length - start,
      ...(start ? { 'content-range': `bytes ${start}-${model.length - 1}/${model.length}` } : {}),
    });
    let at = start;
    const timer = setInterval(() => {
      if (res.destroyed) return clearInterval(timer);
      const end = Math.min(model.length, at + 16_384);
      res.write(model.subarray(at, end));
      at = end;
      if (at >= model.length) {
        clearInterval(timer);
        res.end();
      }
    }, 60);
    res.on('close', () => clearInterval(timer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}/tiny.gguf`, ranges };
}

test('a model of the list is downloaded with progress, paused, resumed and used', async ({ page }) => {
  test.setTimeout(90_000);
  const served = await slowModelServer();
  const catalog = [
    {
      id: 'tiny-test',
      name: 'Tiny test model',
      parameters: '0.1 M',
      sizeBytes: model.length,
      memoryBytes: 50_000_000,
      languages: ['en', 'zh'],
      licence: 'MIT',
      url: served.url,
      sha256: createHash('sha256').update(model).digest('hex'),
    },
  ];
  const dataDir = freshDataDir();
  const host = await startHost(dataDir, {
    PENPAL_ENGINE_THREADS: '1',
    PENPAL_MODEL_CATALOG: JSON.stringify(catalog),
  });
  try {
    await page.goto(host.url);
    await page.getByRole('button', { name: 'Use a model on this computer' }).click();
    const section = page.getByRole('region', { name: 'On this computer' });
    await section.getByRole('button', { name: 'Download Tiny test model' }).click();
    await expect(section.getByRole('progressbar', { name: 'Downloading Tiny test model' })).toBeVisible();
    await expect(section.getByText(/ of 475 KB$/)).toBeVisible();
    await page.screenshot({ path: '/work/shots-llm/first-run-download-en.png', fullPage: true });
    await section.getByRole('button', { name: 'Pause' }).click();
    await expect(section.getByRole('button', { name: 'Resume' })).toBeVisible();
    await section.getByRole('button', { name: 'Resume' }).click();
    await expect(section.getByText('Downloaded')).toBeVisible({ timeout: 30_000 });
    expect(served.ranges[0]).toBeUndefined();
    expect(served.ranges.at(-1)).toMatch(/^bytes=\d+-$/);

    await section.getByRole('button', { name: 'Use Tiny test model' }).click();
    await expect(page.getByRole('textbox', { name: 'Message' })).toBeVisible();
  } finally {
    await host.stop();
    removeDataDir(dataDir);
    served.server.close();
  }
});
