/** Providers (local servers found on this computer) and the network (proxy) in Settings. */
export default {
  title: 'Providers',
  saved: {
    title: 'Saved providers',
    entry: '{{name}} — {{address}}',
    use: 'Use',
    useNamed: 'Use {{name}}',
  },
  detected: {
    title: 'Detected',
    looking: 'Looking for model servers on this computer…',
    none: 'No Ollama, LM Studio, llama.cpp, vLLM or Jan server is running on its usual port.',
    entry: '{{name}} — {{address}}',
    add: 'Add',
    addNamed: 'Add {{name}}',
    inUse: 'In use',
    again: 'Look again',
  },
  network: {
    title: 'Network',
  },
  proxy: {
    label: 'Proxy',
    placeholder: 'http://user:password@host:3128 or socks5://host:1080',
    hint: 'Empty: the system proxy. The password is stored encrypted, like the API key.',
    passwordSaved: 'A password is saved for this proxy (encrypted). Type a new URL with one to change it.',
    save: 'Apply proxy',
    saved: 'Applied.',
  },
  bypass: {
    label: 'Bypass',
    hint: 'Hosts reached directly: localhost, *.example.com, 10.0.0.0/8',
  },
} as const;
