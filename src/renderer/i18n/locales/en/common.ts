/** The "common" strings in en. Keys must match the English file exactly (a test checks). */
export default {
  settings: 'Settings',
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  loading: 'Loading…',
  retry: 'Retry',
  startFailed: 'Penpal could not start: {{message}}',
  languages: {
    system: 'System',
    en: 'English',
    'zh-CN': '简体中文',
  },
  link: {
    title: 'Open this link in your browser?',
    open: 'Open link',
    onlyHttps: 'Only https:// links can be opened.',
  },
  notices: {
    setAsideTitle: 'Your conversations database could not be opened.',
    setAside:
      'Penpal set the damaged file aside — it was not deleted — and started a fresh one. The old file is at {{path}}. To recover its chats, keep the file and run: sqlite3 "{{path}}" .recover | sqlite3 recovered.sqlite',
    dismiss: 'Got it',
  },
} as const;
