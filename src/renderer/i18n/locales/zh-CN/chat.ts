/** The "chat" strings in zh-CN. Keys must match the English file exactly (a test checks). */
export default {
  empty: {
    title: '今天想聊点什么？',
    hint: '随便问。按 Enter 发送，Shift+Enter 换行。',
  },
  composer: {
    label: '消息',
    placeholder: '给 Penpal 发消息…',
    send: '发送',
    stop: '停止',
    hint: 'Enter 发送 · Shift+Enter 换行',
  },
  messages: {
    label: '消息列表',
    you: '你',
    assistant: 'Penpal',
    thinking: '正在思考…',
    interrupted: '已中断',
    jumpToLatest: '跳到最新',
  },
  actions: {
    copy: '复制',
    copied: '已复制',
    edit: '编辑',
    regenerate: '重新生成',
    delete: '删除',
    retry: '重试',
    previousVersion: '上一个版本',
    nextVersion: '下一个版本',
    version: '{{current}} / {{total}}',
    versionLabel: '第 {{current}} 个版本，共 {{total}} 个',
  },
  editor: {
    label: '编辑消息',
    saveAndSend: '保存并发送',
    cancel: '取消',
  },
  header: {
    newConversation: '新对话',
  },
  markdown: {
    copyCode: '复制代码',
    copy: '复制',
    copied: '已复制',
    plainText: '文本',
    image: '图片',
    imageNotLoaded: '不加载远程图片',
  },
  // Very long messages (hardening: sizes).
  longText: {
    showMore: '显示更多',
    shown: '已显示 {{shown}} / {{total}} 个字符',
    truncated: '已截断：删去了 {{cut}} 个字符（Penpal 每条消息最多保留 {{limit}} 个字符）',
  },
} as const;
