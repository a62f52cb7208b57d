import { app, BrowserWindow, dialog, ipcMain, net, protocol, safeStorage, session } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { createCore, type AppCore } from '../core/app';
import importWorkerFile from '../core/importers/worker?modulePath';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './appProtocol';
import { APP_SCHEME, appPage } from './appUrl';
import { serveOverIpc } from './ipcAdapter';
import { spawnUtilityEngine } from './localEngine';
import { createKeyReuseConfirmation } from './keyReuseDialog';
import { createSafeStorageCipher } from './safeStorageCipher';
import { hardenContents, openExternalHttps, secureSession } from './security';
import { createElectronSettingsStore } from './settingsStore';
import { spellcheckPolicy } from './spellcheck';
import { quitsWhenAllWindowsClose } from './menuTemplate';
import { createHotkeys, DesktopShell } from './shell';
import { startAutoUpdate } from './updater';
import type { WindowSources } from './window';

// The Electron shell: builds core from the platform's ports, serves it over IPC, opens the window.
// Everything else lives in core, so the browser host and tests run the same code. Every decision
// that can be pure (our page, the app:// files, links, crashes, spellcheck) is in its own module
// with tests; this file only hands those functions to Electron.

const here = dirname(fileURLToPath(import.meta.url));
const page = appPage({ isPackaged: app.isPackaged, env: process.env });
const spellcheck = spellcheckPolicy(process.platform, process.resourcesPath);
const locale = (): string => app.getLocale();
const sources: WindowSources = {
  preloadFile: join(here, '../preload/index.cjs'),
  pageUrl: page.url,
  quickUrl: page.quickUrl,
  spellcheck: spellcheck.enabled,
  locale,
};

// Before the app is ready, as Electron requires: app:// is a standard, secure origin.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let core: AppCore | null = null;
let quitting = false;
let uiLanguage = app.getLocale();
const shell = new DesktopShell(sources, {
  iconFile: app.isPackaged ? join(process.resourcesPath, 'icon.png') : join(here, '../../resources/icon.png'),
  language: () => uiLanguage,
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  // A second launch focuses the main window, never the quick one.
  app.on('second-instance', () => shell.showMainWindow());
  app.on('web-contents-created', (_event, contents) => hardenContents(contents, locale));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fail(error));
}

async function start(): Promise<void> {
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({ rendererDir: join(here, '../renderer'), fetchFile: (url) => net.fetch(url) }),
  );
  secureSession(session.defaultSession, { strictCsp: !page.devServerUrl, spellcheck });
  const dataDir = app.getPath('userData');
  const systemLanguage = app.getPreferredSystemLanguages()[0] ?? app.getLocale();
  const modelSession = () => session.fromPartition('penpal-model-calls');
  core = await createCore({
    dataDir,
    cipher: createSafeStorageCipher(safeStorage),
    settingsStore: createElectronSettingsStore(dataDir),
    host: 'electron',
    version: app.getVersion(),
    platform: process.platform,
    systemLanguage,
    confirmKeyReuse: createKeyReuseConfirmation(systemLanguage),
    openExternal: openExternalHttps,
    spawnImportWorker: () => new Worker(importWorkerFile),
    spawnLocalEngine: spawnUtilityEngine,
    // Model calls go through Chromium's network stack, so the system proxy (and PAC) applies; an
    // in-memory session of their own keeps them apart from the window's cookies and headers.
    fetch: (input, init) => modelSession().fetch(input instanceof URL ? input.href : input, init),
    hotkeys: createHotkeys(() => shell.toggleQuickWindow()),
    desktop: shell,
  });
  const started = core;
  // Menus follow the UI language; the login item follows the setting.
  const followLanguage = async (): Promise<void> => {
    const result = await started.dispatcher.handle('settings.get', {});
    const chosen = result.ok
      ? (result.data as { settings: { language: string } }).settings.language
      : 'system';
    uiLanguage = chosen === 'system' ? systemLanguage : chosen;
    shell.refreshMenus();
  };
  started.events.subscribe((event) => {
    if (event.name === 'settings.changed') void followLanguage();
  });
  await followLanguage();
  shell.setLaunchAtLogin(started.shell.settings().launchAtLogin);
  const windows = () => BrowserWindow.getAllWindows().map((window) => window.webContents);
  serveOverIpc({ ipcMain, dispatcher: core.dispatcher, events: core.events, page, getWindows: windows });
  shell.start(started);
  startAutoUpdate();
  app.on('activate', () => shell.showMainWindow());
}

// Closing the main window keeps Penpal in the tray (a setting on Windows and Linux; macOS always).
app.on('window-all-closed', () => {
  const closeToTray = (core?.shell.settings().closeToTray ?? false) && shell.hasTray();
  if (quitsWhenAllWindowsClose(process.platform, closeToTray)) app.quit();
});

// Closing core marks a still-streaming answer as interrupted and closes the database cleanly.
app.on('before-quit', (event) => {
  if (quitting || !core) return;
  event.preventDefault();
  quitting = true;
  void core.close().finally(() => app.quit());
});

// A start that fails (a library that cannot be backed up before its upgrade, a newer schema…)
// says why in a dialog: core's messages are written for the user and leave the library untouched.
function fail(error: unknown): void {
  console.error('Penpal could not start:', error);
  dialog.showErrorBox('Penpal could not start', error instanceof Error ? error.message : String(error));
  app.exit(1);
}
