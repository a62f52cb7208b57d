/** The "youngerSelf" strings in en. Keys must match the Chinese file exactly (a test checks). */
export default {
  open: 'Talk with my younger self',
  formTitle: 'Talk with my younger self',
  byDates: 'Dates',
  byAge: 'Age',
  from: 'From',
  to: 'To',
  age: 'Age',
  name: 'Name',
  start: 'Start',
  cancel: 'Cancel',
  starting: 'Starting…',
  startFailed: 'Could not start: {{message}}',
  sendWhole: 'Send the whole period when it fits',
  privacyTitle: 'What is sent',
  privacyRemote:
    'With each message, Penpal sends {{host}} the diary entries of the chosen period that match it (a few excerpts, never the whole journal), with a short description of you drawn from your entries. Only if you tick "Send the whole period when it fits" are all its entries sent. Entries outside the period and entries you excluded are never sent.',
  privacyLocal:
    'Your endpoint ({{host}}) runs on this computer or your own network: nothing leaves the machine. Penpal sends it the matching entries of the chosen period with each message; entries outside the period and excluded ones are never sent.',
  privacyUnderstood: 'I understand',
  sources: 'Sources',
  sourceLabel: 'Open the entry of {{date}}',
} as const;
