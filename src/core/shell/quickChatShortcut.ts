import { parseAccelerator } from '../../shared/accelerator';
import type { ShortcutStatus } from '../../shared/contract/shell';
import { AppError } from '../../shared/errors';
import type { HotkeysPort } from '../ports';

/**
 * The quick-chat global shortcut: one accelerator registered at a time. A change registers the new
 * one before letting go of the old, so a shortcut the system or another app holds (`register`
 * answers false) leaves the old one live and is reported as `shortcut_taken`.
 */
export class QuickChatShortcut {
  private current: string | null = null;
  private failed: { accelerator: string; error: AppError } | null = null;

  constructor(private readonly hotkeys: HotkeysPort | undefined) {}

  /** Registers the saved shortcut at start; a failure is kept in `status()` for Settings to show. */
  start(accelerator: string): ShortcutStatus {
    if (!this.hotkeys) return this.status();
    try {
      this.change(accelerator);
    } catch (error) {
      this.failed = { accelerator, error: error instanceof AppError ? error : takenError(accelerator) };
    }
    return this.status();
  }

  /**
   * Makes `text` the shortcut and returns its canonical form. Throws `invalid_input` for a string
   * that is not an accelerator and `shortcut_taken` when it cannot be registered; either way the
   * shortcut that worked before stays registered.
   */
  change(text: string): string {
    const accelerator = parseAccelerator(text);
    if (accelerator === null)
      throw new AppError('invalid_input', `“${text}” is not a shortcut: use a modifier and one key.`);
    if (!this.hotkeys || accelerator === this.current) return accelerator;
    if (!tryRegister(this.hotkeys, accelerator)) throw takenError(accelerator);
    if (this.current !== null) this.hotkeys.unregister(this.current);
    this.current = accelerator;
    this.failed = null;
    return accelerator;
  }

  /** What Settings shows: the live shortcut, or the one that failed and why. */
  status(): ShortcutStatus {
    const supported = this.hotkeys !== undefined;
    if (this.failed && this.current === null) {
      return {
        accelerator: this.failed.accelerator,
        registered: false,
        supported,
        error: this.failed.error.toWire(),
      };
    }
    return { accelerator: this.current ?? '', registered: this.current !== null, supported, error: null };
  }

  /** Lets go of the shortcut (at quit). */
  stop(): void {
    if (this.hotkeys && this.current !== null) this.hotkeys.unregister(this.current);
    this.current = null;
  }
}

// Electron throws for a few accelerators it parses differently per platform: treat as taken.
function tryRegister(hotkeys: HotkeysPort, accelerator: string): boolean {
  try {
    return hotkeys.register(accelerator);
  } catch {
    return false;
  }
}

function takenError(accelerator: string): AppError {
  return new AppError('shortcut_taken', `${accelerator} is already used by the system or another app.`);
}
