/** 设置中的服务提供方（本机发现的服务器）与网络（代理）。 */
export default {
  title: '服务提供方',
  saved: {
    title: '已保存的服务提供方',
    entry: '{{name}} — {{address}}',
    use: '使用',
    useNamed: '使用 {{name}}',
  },
  detected: {
    title: '已发现',
    looking: '正在查找本机上的模型服务器…',
    none: '没有在常用端口上发现正在运行的 Ollama、LM Studio、llama.cpp、vLLM 或 Jan 服务器。',
    entry: '{{name}} — {{address}}',
    add: '添加',
    addNamed: '添加 {{name}}',
    inUse: '使用中',
    again: '重新查找',
  },
  network: {
    title: '网络',
  },
  proxy: {
    label: '代理',
    placeholder: 'http://用户名:密码@主机:3128 或 socks5://主机:1080',
    hint: '留空：使用系统代理。密码与 API 密钥一样加密保存。',
    passwordSaved: '已为此代理保存密码（已加密）。输入带新密码的地址即可更改。',
    save: '应用代理',
    saved: '已保存。',
  },
  bypass: {
    label: '绕过',
    hint: '直接连接的主机：localhost, *.example.com, 10.0.0.0/8',
  },
} as const;
