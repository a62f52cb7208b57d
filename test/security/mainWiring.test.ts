import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

// src/main/index.ts imports electron, so no test can run it. These checks make sure it hands
// Electron exactly the pure, tested functions (test/contract/ipcAdapter.test.ts, appShell.test.ts)
// and nothing that would bypass them: no second sender check, no file:// page, no raw openExternal.

const mainDir = new URL('../../src/main/', import.meta.url);
const source = (name: string) => readFileSync(new URL(name, mainDir), 'utf8');
const mainFiles = readdirSync(mainDir).filter((name) => name.endsWith('.ts'));

describe('the Electron shell uses the tested decisions', () => {
  it('builds menus, window places, closing and updates from the pure modules', () => {
    const shell = source('shell.ts');
    expect(shell).toMatch(/applicationMenu\(process\.platform, language\)/);
    expect(shell).toMatch(/trayMenu\(language\)/);
    expect(shell).toMatch(/globalShortcut\.register\(accelerator, onPress\)/);
    expect(source('window.ts')).toMatch(
      /restoreBounds\(saved, displays, screen\.getPrimaryDisplay\(\)\.workArea\)/,
    );
    expect(source('window.ts')).toMatch(/screen\.getDisplayNearestPoint\(screen\.getCursorScreenPoint\(\)\)/);
    expect(source('index.ts')).toMatch(/quitsWhenAllWindowsClose\(process\.platform, closeToTray\)/);
    expect(source('index.ts')).toMatch(/hotkeys: createHotkeys\(\(\) => shell\.toggleQuickWindow\(\)\)/);
    expect(source('index.ts')).toMatch(/app\.on\('second-instance', \(\) => shell\.showMainWindow\(\)\)/);
    expect(source('updater.ts')).toMatch(/const feed = updateFeedFrom\(/);
    expect(source('updater.ts')).toMatch(/if \(!feed\) return;/);
  });

  it('serves IPC through serveOverIpc with the page from appPage, and nothing else registers IPC', () => {
    const index = source('index.ts');
    expect(index).toMatch(/const page = appPage\(\{ isPackaged: app\.isPackaged, env: process\.env \}\)/);
    expect(index).toMatch(/serveOverIpc\(\{[^}]*\bpage\b[^}]*\}\)/);
    for (const name of mainFiles.filter((file) => file !== 'ipcAdapter.ts')) {
      expect([name, /registerIpc\(|createSenderCheck\(|ipcMain\.handle\(/.test(source(name))]).toEqual([
        name,
        false,
      ]);
    }
  });

  it('loads the page appPage chose, over the app:// handler, never a file', () => {
    expect(source('index.ts')).toMatch(/pageUrl: page\.url/);
    expect(source('index.ts')).toMatch(/protocol\.handle\(\s*APP_SCHEME,\s*createAppProtocolHandler\(/);
    expect(source('index.ts')).toMatch(/protocol\.registerSchemesAsPrivileged\(\[APP_SCHEME_PRIVILEGES\]\)/);
    expect(source('window.ts')).toMatch(/window\.loadURL\(sources\.pageUrl\)/);
    expect(source('index.ts')).toMatch(/quickUrl: page\.quickUrl/);
    for (const name of mainFiles) {
      const loads = source(name).match(/\.load(?:File|URL)\([^)]*\)/g) ?? [];
      expect([name, loads]).toEqual([
        name,
        name === 'window.ts' ? ['.loadURL(sources.pageUrl)', '.loadURL(sources.quickUrl)'] : [],
      ]);
    }
  });

  it('opens a window.open link only through openLinkAfterAsking, and handles a dead renderer', () => {
    const security = source('security.ts');
    expect(security).toMatch(/setWindowOpenHandler\(\(\{ url \}\) => \{\s*void openLinkAfterAsking\(url,/);
    expect(security).toMatch(/return \{ action: 'deny' \};/);
    expect(source('window.ts')).toMatch(/'render-process-gone'/);
    expect(source('index.ts')).toMatch(/spellcheckPolicy\(process\.platform/);
    expect(security).toMatch(
      /setSpellCheckerDictionaryDownloadURL\(options\.spellcheck\.dictionaryDownloadUrl\)/,
    );
  });
});
