// What happens when a page asks to open a link in a new window (`target=_blank`, `window.open`,
// a middle click): never a new Electron window; an `https:` link may go to the system browser,
// but only after the user says yes in a native dialog showing the whole address. Pure, so the
// tests run the same decision and flow as `security.ts` does.

/** `ask` for an `https:` link, `deny` for anything else (http, file, javascript, custom schemes…). */
export function decideWindowOpen(url: string): 'ask' | 'deny' {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && !parsed.username && !parsed.password ? 'ask' : 'deny';
  } catch {
    return 'deny';
  }
}

/** What the flow needs from the platform: a confirm dialog and the system browser. */
export interface OpenLinkSteps {
  /** Shows the address and resolves true only when the user chose to open it. */
  ask(url: string): Promise<boolean>;
  /** Opens the address in the system browser (`shell.openExternal`). */
  open(url: string): Promise<void>;
}

/** Asks, then opens: resolves to whether the link was opened. A denied link never reaches `ask`. */
export async function openLinkAfterAsking(url: string, steps: OpenLinkSteps): Promise<boolean> {
  if (decideWindowOpen(url) !== 'ask') return false;
  const address = new URL(url).href;
  if (!(await steps.ask(address))) return false;
  await steps.open(address);
  return true;
}

/** The confirm dialog's words, in the app's language (English unless the locale is Chinese). */
export function linkConfirmText(locale: string, url: string) {
  const zh = locale.toLowerCase().startsWith('zh');
  return {
    message: zh ? '在浏览器中打开这个链接?' : 'Open this link in your browser?',
    detail: url,
    buttons: zh ? ['打开', '取消'] : ['Open', 'Cancel'],
  };
}
