/** The "chat" strings in en. Keys must match the English file exactly (a test checks). */
export default {
  empty: {
    title: 'How can I help today?',
    hint: 'Ask anything. Press Enter to send, Shift+Enter for a new line.',
  },
  composer: {
    label: 'Message',
    placeholder: 'Message Penpal…',
    send: 'Send',
    stop: 'Stop',
    hint: 'Enter to send · Shift+Enter for a new line',
  },
  messages: {
    label: 'Messages',
    you: 'You',
    assistant: 'Penpal',
    thinking: 'Thinking…',
    interrupted: 'Interrupted',
    jumpToLatest: 'Jump to latest',
  },
  actions: {
    copy: 'Copy',
    copied: 'Copied',
    edit: 'Edit',
    regenerate: 'Regenerate',
    delete: 'Delete',
    retry: 'Retry',
    previousVersion: 'Previous version',
    nextVersion: 'Next version',
    version: '{{current}} / {{total}}',
    versionLabel: 'Version {{current}} of {{total}}',
  },
  editor: {
    label: 'Edit message',
    saveAndSend: 'Save & send',
    cancel: 'Cancel',
  },
  header: {
    newConversation: 'New conversation',
  },
  markdown: {
    copyCode: 'Copy code',
    copy: 'Copy',
    copied: 'Copied',
    plainText: 'text',
    image: 'Image',
    imageNotLoaded: 'Remote images are not loaded',
  },
  // Very long messages (hardening: sizes).
  longText: {
    showMore: 'Show more',
    shown: '{{shown}} of {{total}} characters shown',
    truncated: 'Truncated: {{cut}} characters were cut (Penpal keeps at most {{limit}} per message)',
  },
} as const;
