import { BrowserWindow } from 'electron';

/** Where the main window's page and preload come from. */
export interface WindowSources {
  preloadFile: string;
  rendererFile: string;
  /** The electron-vite dev server, in development only. */
  devServerUrl?: string;
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
      spellcheck: true,
    },
  });
  window.once('ready-to-show', () => window.show());
  if (sources.devServerUrl) void window.loadURL(sources.devServerUrl);
  else void window.loadFile(sources.rendererFile);
  return window;
}
