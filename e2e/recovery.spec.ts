import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { configureHost } from './fixtures/hostClient';
import { expect, sendMessage, test } from './fixtures/test';
import { freshDataDir, removeDataDir, startHost, type RunningHost } from './fixtures/webHost';

test('a damaged database is set aside, never deleted, and the user is told where it is', async ({
  page,
  server,
}) => {
  const dataDir = freshDataDir();
  let host: RunningHost | undefined;
  try {
    const garbage = 'this is not an SQLite database, but it may be someone’s only copy';
    writeFileSync(join(dataDir, 'penpal.sqlite'), garbage);
    host = await startHost(dataDir);
    await configureHost(host.url, server.baseURL);
    await page.goto(host.url);
    const banner = page.getByRole('alert').filter({ hasText: 'could not be opened' });
    await expect(banner).toBeVisible();
    const setAside = readdirSync(dataDir).find((name) => name.startsWith('penpal.corrupt-'));
    expect(setAside).toBeDefined();
    expect(readFileSync(join(dataDir, setAside as string), 'utf8')).toBe(garbage);
    await expect(banner).toContainText(setAside as string);

    // The app keeps working on a fresh database.
    await sendMessage(page, 'Still here?');
    await expect(page.getByText('Echo: Still here?')).toBeVisible();
    await page.getByRole('button', { name: 'Got it' }).click();
    await expect(banner).toHaveCount(0);
    expect(existsSync(join(dataDir, 'penpal.sqlite'))).toBe(true);
  } finally {
    await host?.stop();
    removeDataDir(dataDir);
  }
});
