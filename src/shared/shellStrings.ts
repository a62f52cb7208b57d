// The words main shows itself (native menus, tray), in the UI's languages. Main has no i18next;
// this small table sits beside the renderer's `shell` namespace and follows the same language.

const EN = {
  file: 'File',
  newChat: 'New chat',
  quickChat: 'Quick chat',
  search: 'Search',
  settings: 'Settings…',
  showPenpal: 'Show Penpal',
  quit: 'Quit Penpal',
  edit: 'Edit',
  view: 'View',
  window: 'Window',
  about: 'About Penpal',
};

/** The menu and tray labels, by key. */
export type ShellStrings = typeof EN;

const ZH: ShellStrings = {
  file: '文件',
  newChat: '新对话',
  quickChat: '快速对话',
  search: '搜索',
  settings: '设置…',
  showPenpal: '显示 Penpal',
  quit: '退出 Penpal',
  edit: '编辑',
  view: '显示',
  window: '窗口',
  about: '关于 Penpal',
};

/** The labels for a UI language tag (any Chinese → 简体中文, else English). */
export function shellStrings(language: string): ShellStrings {
  return /^zh\b/i.test(language) ? ZH : EN;
}
