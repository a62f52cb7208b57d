import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The desktop shell in the real app: the main window, the preload's bridge, the quick window
// toggled by the same handler the global shortcut calls (through the Quick chat menu item), and
// the menu's New chat. Runs only where the Electron binary exists (`npm run test:electron`).

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = mkdtempSync(join(tmpdir(), 'penpal-electron-'));
  app = await electron.launch({ args: ['.', `--user-data-dir=${userData}`] });
});

test.afterEach(async () => {
  await app.close();
  rmSync(userData, { recursive: true, force: true });
});

test('the main window opens and the preload exposes only the bridge', async () => {
  const page = await app.firstWindow();
  await expect(page).toHaveTitle('Penpal');
  const exposed = await page.evaluate(() => ({
    bridge: Object.keys((globalThis as unknown as { bridge: object }).bridge).sort(),
    require: typeof (globalThis as unknown as { require?: unknown }).require,
    process: typeof (globalThis as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({
    bridge: ['onEvent', 'pathsForFiles', 'request'],
    require: 'undefined',
    process: 'undefined',
  });
});

test('the quick window toggles through the quick-chat handler, and New chat reaches the main window', async () => {
  await app.firstWindow();
  const clickMenu = (label: string) =>
    app.evaluate(({ Menu }, wanted) => {
      const items = (Menu.getApplicationMenu()?.items ?? []).flatMap((item) => item.submenu?.items ?? []);
      items.find((item) => item.label === wanted)?.click();
    }, label);
  const visibleWindows = () =>
    app.evaluate(
      ({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((window) => window.isVisible()).length,
    );

  await clickMenu('Quick chat');
  await expect.poll(visibleWindows).toBe(2);
  const quick = app.windows().find((window) => window.url().endsWith('#/quick'));
  expect(quick).toBeDefined();
  await clickMenu('Quick chat');
  await expect.poll(visibleWindows).toBe(1);
  await clickMenu('New chat');
  await expect.poll(visibleWindows).toBe(1);
});
