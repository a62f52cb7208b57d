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
    'With each message, Penpal sends {{host}} the diary entries of the chosen period that match it (a few excerpts, never the whole journal), with a short description of you drawn from your entries and the period summary, if you made one. Only if you tick "Send the whole period when it fits" are all its entries sent, and only when they fit. Making the period summary (only when you ask for it) sends every entry of the period, a month at a time. Entries outside the period and entries you excluded are never sent.',
  privacyLocal:
    'Your endpoint ({{host}}) runs on this computer or your own network: nothing leaves the machine. With each message Penpal sends it the matching entries of the chosen period (never the whole journal; the whole period only if you tick "Send the whole period when it fits" and it fits), and the period summary if you make one. Entries outside the period and excluded ones are never sent.',
  privacyUnderstood: 'I understand',
  summaryTitle: 'Period summary',
  summaryPeriod: '{{from}} – {{to}}',
  summaryEdited: 'edited',
  summaryShow: 'Show',
  summaryHide: 'Hide',
  summaryNone:
    'No summary yet. A summary, made month by month, helps the younger self remember the whole period when only some entries fit in a message.',
  summaryNoteRemote:
    'Making the summary sends every entry of this period (not the excluded ones) to {{host}}, one month at a time.',
  summaryNoteLocal:
    'Making the summary sends every entry of this period to {{host}}, on this computer or your network: nothing leaves the machine.',
  summaryMade_one: 'The last one was made on {{date}} from {{count}} entry sent to {{origin}}.',
  summaryMade_other: 'The last one was made on {{date}} from {{count}} entries sent to {{origin}}.',
  embeddedCount_one: '{{count}} entry of this period has been embedded so far.',
  embeddedCount_other: '{{count}} entries of this period have been embedded so far.',
  summaryMake: 'Make summary',
  summaryMakeAgain: 'Make again',
  summaryMaking: 'Making…',
  summaryProgress: '{{done}} of {{total}}',
  summaryStop: 'Stop',
  summaryEdit: 'Edit',
  summarySave: 'Save summary',
  summaryLabel: 'Period summary text',
  summaryFailed: 'The summary could not be made: {{message}}',
  embeddings: 'Better recall with embeddings',
  embeddingModel: 'Embedding model',
  embeddingsNoteRemote:
    'Off by default. When on, every entry of this period is sent once to {{host}} (/v1/embeddings) to be embedded, and each message you send is embedded too; the vectors are kept on this computer.',
  embeddingsNoteLocal:
    'Off by default. When on, the entries of this period and each message you send are embedded by {{host}}, on this computer or your network: nothing leaves the machine.',
  sources: 'Sources',
  sourceLabel: 'Open the entry of {{date}}',
} as const;
