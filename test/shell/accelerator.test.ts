import { describe, expect, it } from 'vitest';
import { acceleratorFromKeyPress, displayAccelerator, parseAccelerator } from '../../src/shared/accelerator';

const press = (
  code: string,
  key: string,
  mods: Partial<Record<'altKey' | 'ctrlKey' | 'metaKey' | 'shiftKey', boolean>>,
) => ({
  code,
  key,
  altKey: false,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  ...mods,
});

describe('accelerators', () => {
  it('canonicalises what Electron accepts', () => {
    expect(parseAccelerator('option+space')).toBe('Alt+Space');
    expect(parseAccelerator('CmdOrCtrl+Shift+f5')).toBe('CommandOrControl+Shift+F5');
    expect(parseAccelerator('Control++')).toBe('Control++');
  });

  it('refuses a shortcut without a modifier, with two keys or a repeated modifier', () => {
    for (const text of ['Space', 'Shift+A', 'Alt+A+B', 'Alt+Alt+A', '', 'Alt+Ä', 'Alt+F25'])
      expect([text, parseAccelerator(text)]).toEqual([text, null]);
  });

  it('records a key press, using the physical key so Option+letter on macOS stays a letter', () => {
    expect(acceleratorFromKeyPress(press('KeyK', 'å', { altKey: true }), 'darwin')).toBe('Alt+K');
    expect(acceleratorFromKeyPress(press('Space', ' ', { ctrlKey: true, shiftKey: true }), 'linux')).toBe(
      'Control+Shift+Space',
    );
    expect(acceleratorFromKeyPress(press('KeyP', 'p', { metaKey: true }), 'darwin')).toBe('Command+P');
    expect(acceleratorFromKeyPress(press('AltLeft', 'Alt', { altKey: true }), 'linux')).toBeNull();
    expect(acceleratorFromKeyPress(press('KeyP', 'p', {}), 'linux')).toBeNull();
  });

  it('names Alt "Option" on macOS', () => {
    expect(displayAccelerator('Alt+Space', 'darwin')).toBe('Option+Space');
    expect(displayAccelerator('Alt+Space', 'win32')).toBe('Alt+Space');
  });
});
