import { shellStrings } from '../shared/shellStrings';

// The application menu and the tray menu as plain data, built here without `electron` so tests
// check the labels, shortcuts and actions; `shell.ts` hands the result to `Menu.buildFromTemplate`.

/** What a menu item does that is Penpal's own (the rest are Electron roles). */
export type MenuAction = 'newChat' | 'quickChat' | 'search' | 'settings' | 'showMain' | 'quit';

/** One menu item: an Electron role, a Penpal action, a separator or a submenu. */
export interface MenuEntry {
  label?: string;
  role?: string;
  action?: MenuAction;
  accelerator?: string;
  type?: 'separator';
  submenu?: MenuEntry[];
}

const separator: MenuEntry = { type: 'separator' };

/** The native menu bar: Penpal's commands with the usual shortcuts, then Edit, View and Window. */
export function applicationMenu(platform: string, language: string): MenuEntry[] {
  const s = shellStrings(language);
  const mac = platform === 'darwin';
  const file: MenuEntry = {
    label: s.file,
    submenu: [
      { label: s.newChat, action: 'newChat', accelerator: 'CommandOrControl+N' },
      { label: s.quickChat, action: 'quickChat' },
      { label: s.search, action: 'search', accelerator: 'CommandOrControl+K' },
      ...(mac
        ? []
        : [
            separator,
            { label: s.settings, action: 'settings' as const, accelerator: 'CommandOrControl+,' },
            separator,
            { label: s.quit, action: 'quit' as const, accelerator: 'Control+Q' },
          ]),
    ],
  };
  const edit: MenuEntry = {
    label: s.edit,
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };
  const view: MenuEntry = {
    label: s.view,
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuEntry = { label: s.window, submenu: [{ role: 'minimize' }, { role: 'close' }] };
  if (!mac) return [file, edit, view];
  const app: MenuEntry = {
    label: 'Penpal',
    submenu: [
      { role: 'about', label: s.about },
      separator,
      { label: s.settings, action: 'settings', accelerator: 'Command+,' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { label: s.quit, action: 'quit', accelerator: 'Command+Q' },
    ],
  };
  return [app, file, edit, view, window];
}

/** The tray (menu-bar) icon's menu. */
export function trayMenu(language: string): MenuEntry[] {
  const s = shellStrings(language);
  return [
    { label: s.newChat, action: 'newChat' },
    { label: s.quickChat, action: 'quickChat' },
    { label: s.showPenpal, action: 'showMain' },
    separator,
    { label: s.quit, action: 'quit' },
  ];
}

/**
 * Whether closing the last window quits: never on macOS (apps stay in the Dock), and on Windows
 * and Linux only when the user turned "keep Penpal in the tray" off.
 */
export function quitsWhenAllWindowsClose(platform: string, closeToTray: boolean): boolean {
  return platform !== 'darwin' && !closeToTray;
}
