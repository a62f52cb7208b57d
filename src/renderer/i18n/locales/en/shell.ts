/** The "shell" strings in en (quick chat, shortcut, tray, login). Keys must match zh-CN exactly. */
export default {
  quick: {
    label: 'Quick chat',
    openInMain: 'Open in Penpal',
    newChat: 'New chat',
    needsSetup: 'Finish setting up Penpal in its main window first.',
    hint: 'Esc to hide',
  },
  settings: {
    heading: 'Desktop',
    shortcut: 'Quick chat shortcut',
    shortcutHint: 'Click, then press the keys you want. Esc cancels.',
    recording: 'Press a shortcut…',
    useInstead: 'Use {{shortcut}}',
    needsModifier: 'Use at least one of Ctrl, Alt, Option, Command or Super, plus one key.',
    notRegistered:
      '{{shortcut}} could not be registered: the system or another app uses it. Choose another one.',
    saved: 'Shortcut saved.',
    webOnly: 'Global shortcuts, the tray and launch at login work in the desktop app only.',
    launchAtLogin: 'Launch at login',
    closeToTray: 'Keep Penpal in the tray when the window closes',
    continues: 'Typing in quick chat',
    continuesLast: 'Continues the last quick conversation',
    continuesNew: 'Starts a new conversation',
  },
} as const;
