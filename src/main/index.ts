import { app, BrowserWindow, ipcMain, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createCore, type Core } from '../core/app';
import importWorkerFile from '../core/importers/worker?modulePath';
import { createAppUrlCheck } from './appUrl';
import { createSenderCheck, registerIpc } from './ipcAdapter';
import { createKeyReuseConfirmation } from './keyReuseDialog';
import { createSafeStorageCipher } from './safeStorageCipher';
import { hardenContents, openExternalHttps, secureSession } from './security';
import { createElectronSettingsStore } from './settingsStore';
import { createMainWindow, type WindowSources } from './window';

// The Electron shell: builds core from the platform's ports, serves it over IPC, opens the window.
// Everything else lives in core, so the browser host and tests run the same code.

const here = dirname(fileURLToPath(import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const sources: WindowSources = {
  preloadFile: join(here, '../preload/index.cjs'),
  rendererFile: join(here, '../renderer/index.html'),
  devServerUrl,
};

let core: Core | null = null;
let quitting = false;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (!window) return openWindow();
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  secureSession(session.defaultSession, { strictCsp: !devServerUrl });
  const dataDir = app.getPath('userData');
  const systemLanguage = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  core = await createCore({
    dataDir,
    cipher: createSafeStorageCipher(safeStorage),
    settingsStore: createElectronSettingsStore(dataDir),
    host: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    systemLanguage,
    openExternal: openExternalHttps,
    confirmKeyReuse: createKeyReuseConfirmation(systemLanguage),
    spawnImportWorker: () => new Worker(importWorkerFile),
  });
  const windows = () => BrowserWindow.getAllWindows().map((window) => window.webContents);
  registerIpc({
    ipcMain,
    dispatcher: core.dispatcher,
    events: core.events,
    isTrustedSender: createSenderCheck({
      getWindows: windows,
      isAppUrl: createAppUrlCheck({ rendererFile: sources.rendererFile, devServerUrl }),
    }),
    getTargets: windows,
  });
  openWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
}

function openWindow(): void {
  if (core) createMainWindow(sources);
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

// Closing core marks a still-streaming answer as interrupted and closes the database cleanly.
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});

function fail(error: unknown): void {
  console.error('Penpal could not start:', error);
  app.exit(1);
}
