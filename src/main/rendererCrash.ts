// What to do when the window's renderer process dies (a crash, the OOM killer, a GPU fault): the
// conversations are safe in main (the database and any streaming answer live there), so reload
// the page and say what happened — unless it keeps dying, which a reload loop would only hide.

/** The `reason` of Electron's `render-process-gone` details that means nothing went wrong. */
const CLEAN_EXIT = 'clean-exit';

/** How often the page may be reloaded within the window of time before Penpal stops trying. */
export const MAX_RELOADS = 3;
export const RELOAD_WINDOW_MS = 60_000;

/** Decides, for each `render-process-gone`, whether to reload; remembers recent reloads. */
export function createCrashPolicy(
  now: () => number = Date.now,
): (reason: string) => 'ignore' | 'reload' | 'give-up' {
  const reloads: number[] = [];
  return (reason) => {
    if (reason === CLEAN_EXIT) return 'ignore';
    const time = now();
    while (reloads.length && time - reloads[0]! > RELOAD_WINDOW_MS) reloads.shift();
    if (reloads.length >= MAX_RELOADS) return 'give-up';
    reloads.push(time);
    return 'reload';
  };
}

/** The message shown after the reload (or instead of it), in the app's language. */
export function crashText(locale: string, reason: string, action: 'reload' | 'give-up') {
  const zh = locale.toLowerCase().startsWith('zh');
  if (action === 'reload') {
    return {
      message: zh
        ? 'Penpal 的窗口意外停止,已重新载入。'
        : "Penpal's window stopped unexpectedly and was reloaded.",
      detail: zh
        ? `你的对话都已保存,没有丢失。(原因:${reason})`
        : `Your conversations are saved; nothing was lost. (Reason: ${reason})`,
      buttons: zh ? ['好'] : ['OK'],
    };
  }
  return {
    message: zh ? 'Penpal 的窗口一再停止。' : "Penpal's window keeps stopping.",
    detail: zh
      ? `你的对话都已保存。请退出 Penpal 后重新打开。(原因:${reason})`
      : `Your conversations are saved. Quit Penpal and open it again. (Reason: ${reason})`,
    buttons: zh ? ['重新载入', '退出'] : ['Reload', 'Quit'],
  };
}
