import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from '../../src/main/webPreferences';

describe('the windows’ web preferences', () => {
  it('are sandboxed and isolated, with no Node, no webview and no middle-click windows', () => {
    const prefs = secureWebPreferences({ preloadFile: '/app/preload.cjs', spellcheck: false });
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      disableBlinkFeatures: 'Auxclick',
    });
  });

  it('are what both windows are created with', () => {
    const source = readFileSync(new URL('../../src/main/window.ts', import.meta.url), 'utf8');
    const creations = source.match(/new BrowserWindow\(/g) ?? [];
    const uses = source.match(/webPreferences: secureWebPreferences\(sources\)/g) ?? [];
    expect(creations.length).toBeGreaterThanOrEqual(2);
    expect(uses.length).toBe(creations.length);
  });
});
