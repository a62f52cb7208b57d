import type { WebPreferences } from 'electron';

/**
 * The web preferences of every Penpal window (main and quick chat): sandboxed, context-isolated,
 * no Node, no webview, no insecure content, middle-click new windows off, the one preload. Kept
 * free of Electron's runtime so the test suite checks the very object the windows use.
 */
export function secureWebPreferences(options: { preloadFile: string; spellcheck: boolean }): WebPreferences {
  return {
    preload: options.preloadFile,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInSubFrames: false,
    nodeIntegrationInWorker: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    // A middle click would otherwise ask for a new window; they are all denied anyway.
    disableBlinkFeatures: 'Auxclick',
    spellcheck: options.spellcheck,
  };
}
