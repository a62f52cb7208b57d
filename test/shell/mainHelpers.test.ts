import { describe, expect, it } from 'vitest';
import { appPage } from '../../src/main/appUrl';
import {
  applicationMenu,
  quitsWhenAllWindowsClose,
  trayMenu,
  type MenuEntry,
} from '../../src/main/menuTemplate';
import { updateFeedFrom } from '../../src/main/updateConfig';

const flatten = (entries: MenuEntry[]): MenuEntry[] =>
  entries.flatMap((entry) => [entry, ...flatten(entry.submenu ?? [])]);

describe('the quick window page', () => {
  it('is the same page with #/quick, accepted by the sender check; other paths are not', () => {
    const page = appPage({ isPackaged: true, env: {} });
    expect(page.quickUrl).toBe('app://penpal/index.html#/quick');
    expect(page.isAppUrl(page.quickUrl)).toBe(true);
    expect(page.isAppUrl('app://penpal/quick.html')).toBe(false);
    expect(page.isAppUrl('app://penpal/quick')).toBe(false);
  });

  it('in development it is the dev server page with #/quick', () => {
    const page = appPage({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(page.quickUrl).toBe('http://localhost:5173/#/quick');
    expect(page.isAppUrl(page.quickUrl)).toBe(true);
  });
});

describe('native menus', () => {
  it('have the usual shortcuts for New chat, Search, Settings and Quit, and Edit and View menus', () => {
    for (const platform of ['linux', 'win32', 'darwin']) {
      const items = flatten(applicationMenu(platform, 'en'));
      const shortcut = (action: string) => items.find((item) => item.action === action)?.accelerator;
      expect(shortcut('newChat')).toBe('CommandOrControl+N');
      expect(shortcut('search')).toBe('CommandOrControl+K');
      expect(shortcut('settings')).toMatch(/\+,$/);
      expect(shortcut('quit')).toMatch(/\+Q$/);
      expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['Edit', 'View']));
      expect(items.filter((item) => item.role === 'paste')).toHaveLength(1);
    }
  });

  it('are translated with the UI', () => {
    const labels = flatten(applicationMenu('linux', 'zh-CN')).map((item) => item.label);
    expect(labels).toEqual(expect.arrayContaining(['文件', '新对话', '编辑', '退出 Penpal']));
    expect(trayMenu('zh-CN').map((item) => item.label)).toEqual([
      '新对话',
      '快速对话',
      '显示 Penpal',
      undefined,
      '退出 Penpal',
    ]);
    expect(trayMenu('en').map((item) => item.action)).toEqual([
      'newChat',
      'quickChat',
      'showMain',
      undefined,
      'quit',
    ]);
  });

  it('closing the last window keeps Penpal in the tray unless the setting is off; macOS never quits', () => {
    expect(quitsWhenAllWindowsClose('linux', true)).toBe(false);
    expect(quitsWhenAllWindowsClose('win32', false)).toBe(true);
    expect(quitsWhenAllWindowsClose('darwin', false)).toBe(false);
  });
});

describe('auto-update', () => {
  it('is off unless a https feed is configured, and never in development', () => {
    expect(updateFeedFrom({ isPackaged: true, env: {} })).toBeNull();
    expect(
      updateFeedFrom({ isPackaged: false, env: { PENPAL_UPDATE_URL: 'https://x.example/feed' } }),
    ).toBeNull();
    expect(
      updateFeedFrom({ isPackaged: true, env: { PENPAL_UPDATE_URL: 'http://x.example/feed' } }),
    ).toBeNull();
    expect(
      updateFeedFrom({ isPackaged: true, env: { PENPAL_UPDATE_URL: 'https://x.example/feed' } }),
    ).toEqual({
      provider: 'generic',
      url: 'https://x.example/feed',
    });
    expect(
      updateFeedFrom({ isPackaged: true, env: {}, fileText: '{"url":"https://rel.example/penpal/"}' })?.url,
    ).toBe('https://rel.example/penpal/');
    expect(updateFeedFrom({ isPackaged: true, env: {}, fileText: '{not json' })).toBeNull();
  });
});
