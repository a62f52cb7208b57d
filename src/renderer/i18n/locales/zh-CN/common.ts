/** The "common" strings in zh-CN. Keys must match the English file exactly (a test checks). */
export default {
  settings: '设置',
  close: '关闭',
  cancel: '取消',
  save: '保存',
  saving: '正在保存…',
  loading: '正在加载…',
  retry: '重试',
  startFailed: 'Penpal 无法启动：{{message}}',
  languages: {
    system: '跟随系统',
    en: 'English',
    'zh-CN': '简体中文',
  },
  link: {
    title: '在浏览器中打开此链接？',
    open: '打开链接',
    onlyHttps: '只能打开 https:// 链接。',
  },
  notices: {
    setAsideTitle: '无法打开你的对话数据库。',
    setAside:
      'Penpal 已把损坏的文件放在一旁（没有删除），并新建了一个数据库。旧文件位于 {{path}}。要找回其中的对话，请保留该文件并运行：sqlite3 "{{path}}" .recover | sqlite3 recovered.sqlite',
    dismiss: '知道了',
  },
} as const;
