import { DEFAULT_QUICK_CHAT_SHORTCUT } from '../../shared/accelerator';
import {
  ShellSettingsSchema,
  WindowBoundsSchema,
  type ShellSettings,
  type WindowBounds,
} from '../../shared/contract/shell';
import { Id } from '../../shared/schemas';
import type { KeyValueStore } from '../ports';

/** What a first run starts with: the quick window continues the last quick conversation. */
export const DEFAULT_SHELL_SETTINGS: ShellSettings = {
  quickChatShortcut: DEFAULT_QUICK_CHAT_SHORTCUT,
  closeToTray: true,
  launchAtLogin: false,
  quickChatContinues: 'last',
};

/** The `shell` key of the settings file as stored. */
interface StoredShell {
  settings: ShellSettings;
  windowBounds: WindowBounds | null;
  lastQuickConversationId: string | null;
}

/**
 * Reads and writes the shell's part of the settings file. Every field is validated on read and a
 * broken one falls back to its default alone, as SettingsService does for the chat settings.
 */
export class ShellService {
  constructor(private readonly store: KeyValueStore) {}

  /** The saved shell settings over the defaults. */
  settings(): ShellSettings {
    const saved = record(this.read().settings);
    const repaired: Record<string, unknown> = { ...DEFAULT_SHELL_SETTINGS };
    for (const key of Object.keys(DEFAULT_SHELL_SETTINGS) as (keyof ShellSettings)[]) {
      const field = ShellSettingsSchema.shape[key].safeParse(saved[key]);
      if (field.success) repaired[key] = field.data;
    }
    return ShellSettingsSchema.parse(repaired);
  }

  /** Saves a validated partial update and returns the new settings. */
  update(patch: Partial<ShellSettings>): ShellSettings {
    const next = ShellSettingsSchema.parse({ ...this.settings(), ...patch });
    this.write({ settings: next });
    return next;
  }

  /** The main window's last place, or null (first run or a damaged value). */
  windowBounds(): WindowBounds | null {
    const parsed = WindowBoundsSchema.safeParse(this.read().windowBounds);
    return parsed.success ? parsed.data : null;
  }

  /** Remembers the main window's place. */
  saveWindowBounds(bounds: WindowBounds): void {
    this.write({ windowBounds: WindowBoundsSchema.parse(bounds) });
  }

  /** The conversation the quick window was last in. */
  lastQuickConversation(): string | null {
    const parsed = Id.safeParse(this.read().lastQuickConversationId);
    return parsed.success ? parsed.data : null;
  }

  /** Remembers the quick window's conversation. */
  rememberQuickConversation(conversationId: string | null): void {
    this.write({ lastQuickConversationId: conversationId });
  }

  private read(): Partial<Record<keyof StoredShell, unknown>> {
    return record(this.store.get('shell'));
  }

  private write(patch: Partial<StoredShell>): void {
    const next: StoredShell = {
      settings: this.settings(),
      windowBounds: this.windowBounds(),
      lastQuickConversationId: this.lastQuickConversation(),
      ...patch,
    };
    this.store.set('shell', next);
  }
}

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}
