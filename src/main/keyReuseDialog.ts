import { BrowserWindow, dialog } from 'electron';

/** The question in the two languages Penpal speaks; main has no i18n, so it follows the OS. */
const TEXT = {
  en: {
    message: 'Use your saved API key with a new address?',
    detail: (from: string, to: string) =>
      `Your key was saved for ${from}.\n\nPenpal will send it to ${to} from now on. Only continue if you trust that address and asked for this change yourself.`,
    plainHttp:
      '\n\nThis address uses plain http:// outside your computer and local network: the key and your messages would travel unencrypted.',
    use: 'Use my key there',
    cancel: 'Cancel',
  },
  'zh-CN': {
    message: '要在新地址使用已保存的 API 密钥吗？',
    detail: (from: string, to: string) =>
      `你的密钥是为 ${from} 保存的。\n\n此后 Penpal 会把它发送到 ${to}。只有在你信任该地址、且这是你自己要求的更改时才继续。`,
    plainHttp: '\n\n该地址使用明文 http://，且不在本机或局域网内：密钥和消息将以未加密方式传输。',
    use: '在该地址使用我的密钥',
    cancel: '取消',
  },
};

/**
 * CorePorts.confirmKeyReuse for the app: a native message box, which no web page or renderer can
 * answer for the user. Cancel is the default button.
 */
export function createKeyReuseConfirmation(
  systemLanguage: string,
): (request: { from: string; to: string; plainHttp: boolean }) => Promise<boolean> {
  const text = systemLanguage.toLowerCase().startsWith('zh') ? TEXT['zh-CN'] : TEXT.en;
  return async ({ from, to, plainHttp }) => {
    const options: Electron.MessageBoxOptions = {
      type: plainHttp ? 'warning' : 'question',
      message: text.message,
      detail: text.detail(from, to) + (plainHttp ? text.plainHttp : ''),
      buttons: [text.cancel, text.use],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    };
    const parent = BrowserWindow.getFocusedWindow();
    const { response } = parent
      ? await dialog.showMessageBox(parent, options)
      : await dialog.showMessageBox(options);
    return response === 1;
  };
}
