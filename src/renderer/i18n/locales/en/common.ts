/** The "common" strings in en. Keys must match the English file exactly (a test checks). */
export default {
  appName: 'Penpal',
  settings: 'Settings',
  close: 'Close',
  cancel: 'Cancel',
  save: 'Save',
  saving: 'Saving…',
  loading: 'Loading…',
  retry: 'Retry',
  newChat: 'New chat',
  conversations: 'Conversations',
  untitled: 'New conversation',
  loadFailed: 'Could not load: {{message}}',
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
} as const;
