/** The "shell" strings in 简体中文. Keys must match the English file exactly (a test checks). */
export default {
  quick: {
    label: '快速对话',
    openInMain: '在 Penpal 中打开',
    newChat: '新对话',
    needsSetup: '请先在 Penpal 主窗口中完成设置。',
    hint: '按 Esc 隐藏',
  },
  settings: {
    heading: '桌面',
    shortcut: '快速对话快捷键',
    shortcutHint: '点击后按下想要的组合键。按 Esc 取消。',
    recording: '请按下快捷键…',
    useInstead: '改用 {{shortcut}}',
    needsModifier: '请至少使用 Ctrl、Alt、Option、Command 或 Super 之一，再加一个键。',
    notRegistered: '无法注册 {{shortcut}}：系统或其他应用正在使用它。请换一个。',
    saved: '快捷键已保存。',
    webOnly: '全局快捷键、托盘和登录时启动仅在桌面应用中可用。',
    launchAtLogin: '登录时启动',
    closeToTray: '关闭窗口时让 Penpal 留在托盘中',
    continues: '在快速对话中输入时',
    continuesLast: '继续上一次的快速对话',
    continuesNew: '开始新的对话',
  },
} as const;
