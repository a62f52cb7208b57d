import { app, BrowserWindow, dialog, screen } from 'electron';
import type { WindowBounds } from '../shared/contract/shell';
import { createCrashPolicy, crashText } from './rendererCrash';
import { secureWebPreferences } from './webPreferences';
import { centredIn, MIN_WINDOW_SIZE, restoreBounds } from './windowState';

/** Where the main window's page and preload come from, and how it is set up. */
export interface WindowSources {
  preloadFile: string;
  /** `app://penpal/index.html`, or the dev server in development (`appPage().url`). */
  pageUrl: string;
  /** The same page as the quick-chat window (`appPage().quickUrl`). */
  quickUrl: string;
  /** Whether the spellchecker runs (`spellcheckPolicy().enabled`). */
  spellcheck: boolean;
  /** The app's language, for the few words main shows itself. */
  locale(): string;
}

/**
 * Creates the main window at its remembered place (clamped to the displays there are now by
 * `restoreBounds`), shown once its first paint is ready; `onBounds` gets its place to remember.
 */
export function createMainWindow(
  sources: WindowSources,
  saved: WindowBounds | null,
  onBounds: (bounds: WindowBounds) => void,
): BrowserWindow {
  const displays = screen.getAllDisplays().map((display) => display.workArea);
  const bounds = restoreBounds(saved, displays, screen.getPrimaryDisplay().workArea);
  const window = new BrowserWindow({
    x: bounds.x,
    y: bounds.y,
    width: bounds.width,
    height: bounds.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    title: 'Penpal',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(sources),
  });
  window.once('ready-to-show', () => {
    if (bounds.maximized) window.maximize();
    window.show();
  });
  const remember = (): void => {
    if (window.isDestroyed() || window.isMinimized()) return;
    onBounds({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('close', remember);
  window.on('resized', remember);
  window.on('moved', remember);
  reloadWhenRendererDies(window, sources.locale);
  void window.loadURL(sources.pageUrl);
  return window;
}

/** The quick window's size. */
export const QUICK_WINDOW_SIZE = { width: 640, height: 420 };

/** Creates the (hidden) quick-chat window: small, frameless, always on top, hidden on blur. */
export function createQuickWindow(sources: WindowSources): BrowserWindow {
  const window = new BrowserWindow({
    ...QUICK_WINDOW_SIZE,
    show: false,
    frame: false,
    resizable: true,
    alwaysOnTop: true,
    skipTaskbar: true,
    fullscreenable: false,
    minimizable: false,
    maximizable: false,
    title: 'Penpal',
    webPreferences: secureWebPreferences(sources),
  });
  window.on('blur', () => window.hide());
  reloadWhenRendererDies(window, sources.locale);
  void window.loadURL(sources.quickUrl);
  return window;
}

/** Shows the quick window centred on the display under the pointer, or hides it if shown. */
export function toggleQuickWindow(window: BrowserWindow): void {
  if (window.isVisible()) return window.hide();
  const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
  window.setBounds(centredIn(display.workArea, QUICK_WINDOW_SIZE.width, QUICK_WINDOW_SIZE.height));
  window.show();
  window.focus();
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
