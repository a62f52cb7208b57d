// Global-shortcut strings in Electron's accelerator syntax (`Alt+Space`, `CommandOrControl+K`).
// Electron offers no validator or key-event converter of its own, so both are written here: core
// checks what the renderer sends before handing it to `globalShortcut`, and the settings recorder
// turns a pressed key combination into the same syntax.

const MODIFIERS: Record<string, string> = {
  command: 'Command',
  cmd: 'Command',
  control: 'Control',
  ctrl: 'Control',
  commandorcontrol: 'CommandOrControl',
  cmdorctrl: 'CommandOrControl',
  alt: 'Alt',
  option: 'Alt',
  altgr: 'AltGr',
  shift: 'Shift',
  super: 'Super',
  meta: 'Super',
};

const NAMED_KEYS = [
  'Plus',
  'Space',
  'Tab',
  'Capslock',
  'Numlock',
  'Scrolllock',
  'Backspace',
  'Delete',
  'Insert',
  'Return',
  'Enter',
  'Up',
  'Down',
  'Left',
  'Right',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'Escape',
  'Esc',
  'PrintScreen',
  'VolumeUp',
  'VolumeDown',
  'VolumeMute',
  'MediaNextTrack',
  'MediaPreviousTrack',
  'MediaStop',
  'MediaPlayPause',
];
const NAMED = new Map(NAMED_KEYS.map((name) => [name.toLowerCase(), name]));
const PUNCTUATION = new Set([...')!@#$%^&*(:;:+=<,_->.?/~`{][|\\}"\'']);

/** The platform default: Option+Space on macOS (`Alt` in Electron's syntax), Alt+Space elsewhere. */
export const DEFAULT_QUICK_CHAT_SHORTCUT = 'Alt+Space';

/**
 * The accelerator in canonical form (`ctrl+shift+k` → `Control+Shift+K`), or null when it is not
 * one Electron accepts as a global shortcut: it needs at least one modifier (besides Shift) and
 * exactly one key, so a bare letter can never swallow the user's typing everywhere.
 */
export function parseAccelerator(text: string): string | null {
  const parts = text.split('+');
  // "Control++" means Control and the plus key.
  if (text.endsWith('++')) parts.splice(parts.length - 2, 2, '+');
  const modifiers: string[] = [];
  let key: string | null = null;
  for (const raw of parts) {
    const part = raw.trim();
    if (!part) return null;
    const modifier = MODIFIERS[part.toLowerCase()];
    if (modifier) {
      if (key !== null || modifiers.includes(modifier)) return null;
      modifiers.push(modifier);
      continue;
    }
    if (key !== null) return null;
    key = keyName(part);
    if (key === null) return null;
  }
  if (key === null || modifiers.filter((name) => name !== 'Shift').length === 0) return null;
  return [...modifiers, key].join('+');
}

function keyName(part: string): string | null {
  if (/^[a-z0-9]$/i.test(part)) return part.toUpperCase();
  if (/^f([1-9]|1\d|2[0-4])$/i.test(part)) return part.toUpperCase();
  if (/^num([0-9]|dec|add|sub|mult|div)$/i.test(part)) return part.toLowerCase();
  if (PUNCTUATION.has(part)) return part;
  return NAMED.get(part.toLowerCase()) ?? null;
}

/** The parts of a DOM KeyboardEvent the recorder reads. */
export interface KeyPress {
  key: string;
  code: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
}

/**
 * The accelerator for a key press in the settings recorder, or null while only modifiers are
 * held (or the key has no accelerator name). Uses `code` for letters and digits so Option+letter
 * on macOS (which types `å`) still records `Alt+A`.
 */
export function acceleratorFromKeyPress(press: KeyPress, platform: string): string | null {
  const key = keyFromPress(press);
  if (key === null) return null;
  const modifiers: string[] = [];
  if (press.ctrlKey) modifiers.push('Control');
  if (press.metaKey) modifiers.push(platform === 'darwin' ? 'Command' : 'Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  return parseAccelerator([...modifiers, key].join('+'));
}

function keyFromPress(press: KeyPress): string | null {
  const letter = /^Key([A-Z])$/.exec(press.code) ?? /^Digit([0-9])$/.exec(press.code);
  if (letter) return letter[1];
  if (/^F\d{1,2}$/.test(press.code)) return press.code;
  if (press.code === 'Space' || press.key === ' ') return 'Space';
  const arrows: Record<string, string> = {
    ArrowUp: 'Up',
    ArrowDown: 'Down',
    ArrowLeft: 'Left',
    ArrowRight: 'Right',
  };
  if (arrows[press.key]) return arrows[press.key];
  if (['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'OS'].includes(press.key)) return null;
  if (press.key === '+') return 'Plus';
  return keyName(press.key);
}

/** How an accelerator reads on this platform: `Alt` is "Option" on macOS. */
export function displayAccelerator(accelerator: string, platform: string): string {
  if (platform !== 'darwin') return accelerator;
  return accelerator
    .split('+')
    .map((part) => (part === 'Alt' ? 'Option' : part === 'CommandOrControl' ? 'Command' : part))
    .join('+');
}
