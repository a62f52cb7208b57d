/** The "settings" strings in en. Keys must match the English file exactly (a test checks). */
export default {
  title: 'Settings',
  sections: {
    connection: 'Connection',
    model: 'Model',
    app: 'App',
  },
  key: {
    label: 'API key',
    placeholder: 'sk-…',
    configured: 'Configured, ends in …{{last4}}',
    replaceHint: 'Type a new key to replace it.',
    anyText: 'A local server such as Ollama accepts any text here.',
    sessionOnly: 'Keep for this session only',
    sessionOnlyHint: 'The key is forgotten when Penpal quits.',
    storedSession: 'Kept for this session only.',
    storedKeychain: 'Stored encrypted in the system keychain.',
    storedHost: 'Stored encrypted by Penpal.',
    noKeychainTitle: 'This system has no keychain',
    noKeychain:
      'Your operating system offers no secure storage ({{backend}}), so the key will be kept for this session only. Untick “Keep for this session only” to save it on disk without real encryption.',
    ownKey: 'Key: own key …{{last4}} of {{name}}. Change it under Providers.',
    ownPlaceholder: 'Own key of the provider …{{last4}}',
    remove: 'Remove key',
    required: 'Enter an API key (any text for a local server).',
    boundTo: 'Sent only to {{origin}}.',
    retypePlaceholder: 'Type your key again for this address',
    boundElsewhere: 'Your saved key is only sent to {{origin}}. Type it again to use it with {{target}}.',
    retype: 'Type the key again to save this address.',
    reuse: 'Use my saved key with this address…',
  },
  builtin: {
    label: 'Connection: On this computer',
    provider: 'Provider',
    name: 'On this computer',
    model: 'Model',
    noModel: 'None chosen yet',
    hint: 'The model runs on this computer: no address, no key. Choose or add models under “On this computer” below.',
    useEndpoint: 'Use an address instead',
  },
  baseURL: {
    label: 'Base URL',
    hint: 'Any OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1',
    invalid: 'Enter a URL starting with http:// or https://',
    plainHttpTitle: 'This address is not encrypted',
    plainHttpWarning:
      '{{host}} uses plain http:// and is not on this computer or your local network: your API key and messages would travel over the internet unencrypted. Use https:// if the service offers it.',
    plainHttpConfirm: 'Send my key to this address without encryption',
    plainHttpRequired: 'Confirm that your key may be sent unencrypted, or use https://.',
  },
  model: {
    label: 'Model',
    hint: 'Pick from the list or type any model name.',
    required: 'Enter a model name.',
  },
  temperature: {
    label: 'Temperature',
    hint: 'Higher is more creative, lower more focused (0–2).',
  },
  topP: {
    label: 'Top P',
    hint: 'Nucleus sampling (0–1).',
  },
  maxTokens: {
    label: 'Max tokens',
    hint: 'Leave empty to let the service decide.',
    invalid: 'Enter a whole number from 1 to 1,000,000, or leave it empty.',
  },
  systemPrompt: {
    label: 'System prompt',
    placeholder: 'You are a helpful assistant.',
  },
  language: {
    label: 'Language',
  },
  autoTitle: {
    label: 'Name conversations automatically',
  },
  range: 'Enter a number from {{min}} to {{max}}.',
  test: {
    button: 'Test connection',
    testing: 'Testing…',
    ok_one: 'Connected — {{count}} model',
    ok_other: 'Connected — {{count}} models',
    modelMissing: 'Connected, but the service has no model named “{{model}}”.',
  },
  saveFailed: 'Could not save: {{message}}',
  welcome: {
    title: 'Welcome to Penpal',
    tagline: 'A calm place to talk with AI models — yours, on your desktop.',
    intro:
      'Connect an OpenAI API key, or any OpenAI-compatible endpoint (a local Ollama or LM Studio works too).',
    start: 'Save and start chatting',
    privacy: 'Your key stays on this computer and is only sent to the Base URL above.',
  },
} as const;
