/** The "settings" strings in zh-CN. Keys must match the English file exactly (a test checks). */
export default {
  title: '设置',
  sections: {
    connection: '连接',
    model: '模型',
    app: '应用',
  },
  key: {
    label: 'API 密钥',
    placeholder: 'sk-…',
    configured: '已配置，结尾为 …{{last4}}',
    replaceHint: '输入新密钥即可替换。',
    anyText: 'Ollama 等本地服务可以填写任意文字。',
    sessionOnly: '仅在本次会话中保留',
    sessionOnlyHint: '退出 Penpal 后密钥将被遗忘。',
    storedSession: '仅在本次会话中保留。',
    storedKeychain: '已加密保存在系统钥匙串中。',
    storedHost: '已由 Penpal 加密保存。',
    noKeychainTitle: '此系统没有钥匙串',
    noKeychain:
      '你的操作系统没有提供安全存储（{{backend}}），因此密钥只会在本次会话中保留。取消勾选“仅在本次会话中保留”可将其保存到磁盘，但不会被真正加密。',
    remove: '移除密钥',
    required: '请输入 API 密钥（本地服务可填写任意文字）。',
    boundTo: '只会发送到 {{origin}}。',
    retypePlaceholder: '请为此地址重新输入密钥',
    boundElsewhere: '已保存的密钥只会发送到 {{origin}}。要在 {{target}} 使用，请重新输入。',
    retype: '要保存此地址，请重新输入密钥。',
    reuse: '在此地址使用已保存的密钥…',
  },
  baseURL: {
    label: 'Base URL',
    hint: '任何 OpenAI 兼容的 API，例如 https://api.openai.com/v1 或 http://localhost:11434/v1',
    invalid: '请输入以 http:// 或 https:// 开头的 URL',
    plainHttpTitle: '此地址未加密',
    plainHttpWarning:
      '{{host}} 使用明文 http://，且不在本机或你的局域网内：API 密钥和消息将以未加密方式经互联网传输。如果服务支持，请使用 https://。',
    plainHttpConfirm: '允许以未加密方式把密钥发送到此地址',
    plainHttpRequired: '请确认允许以未加密方式发送密钥，或改用 https://。',
  },
  model: {
    label: '模型',
    hint: '从列表中选择，或输入任意模型名称。',
    required: '请输入模型名称。',
  },
  temperature: {
    label: '温度',
    hint: '越高越有创意，越低越专注（0–2）。',
  },
  topP: {
    label: 'Top P',
    hint: '核采样（0–1）。',
  },
  maxTokens: {
    label: '最大 token 数',
    hint: '留空则由服务决定。',
    invalid: '请输入 1 到 1,000,000 之间的整数，或留空。',
  },
  systemPrompt: {
    label: '系统提示词',
    placeholder: '你是一个乐于助人的助手。',
  },
  language: {
    label: '语言',
  },
  autoTitle: {
    label: '自动为对话命名',
  },
  range: '请输入 {{min}} 到 {{max}} 之间的数字。',
  test: {
    button: '测试连接',
    testing: '正在测试…',
    ok_one: '已连接 — {{count}} 个模型',
    ok_other: '已连接 — {{count}} 个模型',
    modelMissing: '已连接，但服务上没有名为“{{model}}”的模型。',
  },
  saveFailed: '无法保存：{{message}}',
  welcome: {
    title: '欢迎使用 Penpal',
    tagline: '一个安静的地方，在你的桌面上与 AI 模型对话。',
    intro: '连接 OpenAI API 密钥，或任何 OpenAI 兼容的端点（本地的 Ollama 或 LM Studio 也可以）。',
    start: '保存并开始聊天',
    privacy: '你的密钥只保存在这台电脑上，并且只会发送到上面的 Base URL。',
  },
} as const;
