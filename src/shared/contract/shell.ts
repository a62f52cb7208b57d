import { z } from 'zod';
import { Id, WireErrorSchema } from '../schemas';
import { Empty, Ok } from './common';

/** A window's place on screen, in the display's points; remembered for the main window. */
export const WindowBoundsSchema = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean(),
});
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

/**
 * The desktop shell's settings, kept in their own key of the settings file (`shell`), apart from
 * the chat settings. The browser host stores them too but only uses `quickChatContinues`.
 */
export const ShellSettingsSchema = z.object({
  /** An Electron accelerator, e.g. `Alt+Space`; validated by `parseAccelerator`. */
  quickChatShortcut: z.string().min(1).max(100),
  /** Closing the main window keeps Penpal in the tray (Windows and Linux; macOS always does). */
  closeToTray: z.boolean(),
  launchAtLogin: z.boolean(),
  /** What typing in the quick window does: continue the last quick conversation or start anew. */
  quickChatContinues: z.enum(['last', 'new']),
});
export type ShellSettings = z.infer<typeof ShellSettingsSchema>;

/** Whether the quick-chat shortcut is live, and why not. */
export const ShortcutStatusSchema = z.object({
  /** The shortcut in use (or the one that failed, when none is). */
  accelerator: z.string(),
  registered: z.boolean(),
  /** The host has global hotkeys at all (the app; not the browser host). */
  supported: z.boolean(),
  /** Why the shortcut could not be registered (`shortcut_taken`), else null. */
  error: WireErrorSchema.nullable(),
});
export type ShortcutStatus = z.infer<typeof ShortcutStatusSchema>;

/** Quick chat, the tray and the shell's settings. */
export const shellMethods = {
  'shell.status': {
    input: Empty,
    output: z.object({
      settings: ShellSettingsSchema,
      shortcut: ShortcutStatusSchema,
      /** The host can start Penpal at login and keep it in a tray (the app). */
      desktop: z.boolean(),
    }),
  },
  /**
   * Saves shell settings. A new shortcut is registered first; when the system or another app
   * holds it the call fails with `shortcut_taken`, and the old shortcut stays saved and live.
   */
  'shell.update': {
    input: ShellSettingsSchema.partial().strict(),
    output: ShellSettingsSchema,
  },
  /** The conversation the quick window shows: the last quick one, or none (a new one). */
  'quick.currentConversation': {
    input: Empty,
    output: z.object({ conversationId: Id.nullable() }),
  },
  /** Remembers the conversation the quick window is in, for `quickChatContinues: 'last'`. */
  'quick.remember': { input: z.object({ conversationId: Id }).strict(), output: Ok },
  /** Hides the quick window (Esc); a no-op where there is none (the browser host). */
  'quick.hide': { input: Empty, output: Ok },
  /** Shows a conversation in the main window (the "Open in Penpal" button). */
  'shell.openInMain': { input: z.object({ conversationId: Id.nullable() }).strict(), output: Ok },
} as const;

/** Shell events. */
export const shellEvents = {
  'shell.changed': z.object({}),
  /** A native menu or tray command for the main window: a new chat, search, Settings. */
  'shell.command': z.object({ command: z.enum(['newChat', 'search', 'settings']) }),
  /** The main window should show this conversation (and come to the front). */
  'shell.openInMain': z.object({ conversationId: Id.nullable() }),
} as const;
