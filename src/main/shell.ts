import {
  app,
  type BrowserWindow,
  globalShortcut,
  Menu,
  Tray,
  type MenuItemConstructorOptions,
} from 'electron';
import type { AppCore } from '../core/app';
import type { DesktopShellPort, HotkeysPort } from '../core/ports';
import { applicationMenu, trayMenu, type MenuAction, type MenuEntry } from './menuTemplate';
import { createMainWindow, createQuickWindow, toggleQuickWindow, type WindowSources } from './window';

// The desktop shell's Electron glue: the two windows, the tray, the native menus, the global
// shortcut and the login item. Every decision (menu contents, where windows open, when closing
// quits, which shortcut is valid) is in a pure module with tests; this file only applies them.

/** The global shortcut through Electron; pressing it toggles the quick window. */
export function createHotkeys(onPress: () => void): HotkeysPort {
  return {
    register: (accelerator) => globalShortcut.register(accelerator, onPress),
    unregister: (accelerator) => globalShortcut.unregister(accelerator),
  };
}

/** Penpal's windows, tray and menus. */
export class DesktopShell implements DesktopShellPort {
  private main: BrowserWindow | null = null;
  private quick: BrowserWindow | null = null;
  private tray: Tray | null = null;
  private core: AppCore | null = null;

  constructor(
    private readonly sources: WindowSources,
    private readonly options: { iconFile: string; language: () => string },
  ) {}

  /** Starts with core built: opens the main window, sets the menus and the tray. */
  start(core: AppCore): void {
    this.core = core;
    this.showMainWindow();
    this.refreshMenus();
    try {
      this.tray = new Tray(this.options.iconFile);
      this.tray.setToolTip('Penpal');
      this.tray.on('click', () => this.showMainWindow());
      this.refreshMenus();
    } catch {
      // A Linux desktop without a tray area: Penpal then quits on close (see closeToTray).
      this.tray = null;
    }
  }

  /** Whether a tray icon is shown (closing to the tray needs one). */
  hasTray(): boolean {
    return this.tray !== null;
  }

  /** The main window, never the quick one: a second launch and "Show Penpal" focus this. */
  showMainWindow(): void {
    if (!this.core) return;
    const core = this.core;
    if (!this.main || this.main.isDestroyed()) {
      this.main = createMainWindow(this.sources, core.shell.windowBounds(), (bounds) =>
        core.shell.saveWindowBounds(bounds),
      );
      this.main.on('closed', () => (this.main = null));
      return;
    }
    if (this.main.isMinimized()) this.main.restore();
    this.main.show();
    this.main.focus();
  }

  /** The hotkey handler: the quick window is made once and then shown and hidden. */
  toggleQuickWindow(): void {
    if (!this.core) return;
    if (!this.quick || this.quick.isDestroyed()) {
      this.quick = createQuickWindow(this.sources);
      this.quick.once('ready-to-show', () => this.quick && toggleQuickWindow(this.quick));
      this.quick.on('closed', () => (this.quick = null));
      return;
    }
    toggleQuickWindow(this.quick);
  }

  hideQuickWindow(): void {
    this.quick?.hide();
  }

  setLaunchAtLogin(enabled: boolean): void {
    app.setLoginItemSettings({ openAtLogin: enabled });
  }

  /** Rebuilds the menus in the UI's language (at start and when the language changes). */
  refreshMenus(): void {
    const language = this.options.language();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(this.toElectron(applicationMenu(process.platform, language))),
    );
    this.tray?.setContextMenu(Menu.buildFromTemplate(this.toElectron(trayMenu(language))));
  }

  private run(action: MenuAction): void {
    if (action === 'quit') return app.quit();
    if (action === 'quickChat') return this.toggleQuickWindow();
    this.showMainWindow();
    if (action === 'showMain') return;
    this.core?.events.emit('shell.command', { command: action });
  }

  private toElectron(entries: MenuEntry[]): MenuItemConstructorOptions[] {
    return entries.map((entry) => ({
      label: entry.label,
      role: entry.role as MenuItemConstructorOptions['role'],
      type: entry.type,
      accelerator: entry.accelerator,
      submenu: entry.submenu ? this.toElectron(entry.submenu) : undefined,
      click: entry.action ? () => this.run(entry.action as MenuAction) : undefined,
    }));
  }
}
