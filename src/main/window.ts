import { app, BrowserWindow, dialog } from 'electron';
import { createCrashPolicy, crashText } from './rendererCrash';

/** Where the main window's page and preload come from, and how it is set up. */
export interface WindowSources {
  preloadFile: string;
  /** `app://penpal/index.html`, or the dev server in development (`appPage().url`). */
  pageUrl: string;
  /** Whether the spellchecker runs (`spellcheckPolicy().enabled`). */
  spellcheck: boolean;
  /** The app's language, for the few words main shows itself. */
  locale(): string;
}

/** Creates the main window: sandboxed, isolated, no Node, shown once its first paint is ready. */
export function createMainWindow(sources: WindowSources): BrowserWindow {
  const window = new BrowserWindow({
    width: 1100,
    height: 760,
    minWidth: 520,
    minHeight: 400,
    show: false,
    title: 'Penpal',
    autoHideMenuBar: true,
    webPreferences: {
      preload: sources.preloadFile,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      // A middle click would otherwise ask for a new window; they are all denied anyway.
      disableBlinkFeatures: 'Auxclick',
      spellcheck: sources.spellcheck,
    },
  });
  window.once('ready-to-show', () => window.show());
  reloadWhenRendererDies(window, sources.locale);
  void window.loadURL(sources.pageUrl);
  return window;
}

// The renderer holds nothing that is not also in main (the database, any streaming answer), so a
// dead renderer is reloaded and the user told; one that keeps dying is not reloaded in a loop.
function reloadWhenRendererDies(window: BrowserWindow, locale: () => string): void {
  const decide = createCrashPolicy();
  window.webContents.on('render-process-gone', (_event, details) => {
    const action = decide(details.reason);
    if (action === 'ignore' || window.isDestroyed()) return;
    if (action === 'reload') window.webContents.reload();
    const text = crashText(locale(), details.reason, action);
    void dialog
      .showMessageBox(window, { type: 'warning', noLink: true, ...text })
      .then(({ response }) => {
        if (action !== 'give-up' || window.isDestroyed()) return;
        if (response === 0) window.webContents.reload();
        else app.quit();
      })
      .catch(() => undefined);
  });
}
