/** The parts of a keydown the composer looks at (a React or DOM KeyboardEvent fits). */
export interface ComposerKey {
  key: string;
  shiftKey: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  /** True while an input method (Chinese, Japanese…) is composing. */
  isComposing?: boolean;
  /** 229 means "the IME handled this key" in browsers that end composition before keydown. */
  keyCode?: number;
}

/**
 * Whether a keydown in the composer sends the message: Enter alone does; Shift+Enter is a new
 * line; Enter that confirms an IME candidate (isComposing, or keyCode 229) never sends.
 */
export function isSendKey(event: ComposerKey, composing = false): boolean {
  if (event.key !== 'Enter') return false;
  if (event.shiftKey || event.altKey) return false;
  if (composing || event.isComposing || event.keyCode === 229) return false;
  return true;
}

/** The height an autosizing textarea should take for its content, within bounds. */
export function autosizeHeight(scrollHeight: number, minHeight: number, maxHeight: number): number {
  return Math.max(minHeight, Math.min(maxHeight, scrollHeight));
}
