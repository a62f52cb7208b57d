import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore, type AppCore } from '../../src/core/app';
import type { HotkeysPort } from '../../src/core/ports';
import { QuickChatShortcut } from '../../src/core/shell/quickChatShortcut';
import { createTestCipher, MemoryKeyValueStore } from '../../src/core/testing/memoryPorts';
import { createInMemoryBridge } from '../../src/core/transport/inMemory';

/** A system's global shortcuts: some held by other apps, the rest free. */
class FakeHotkeys implements HotkeysPort {
  readonly registered = new Set<string>();
  constructor(private readonly heldByOthers: string[] = []) {}
  register(accelerator: string): boolean {
    if (this.heldByOthers.includes(accelerator) || this.registered.has(accelerator)) return false;
    this.registered.add(accelerator);
    return true;
  }
  unregister(accelerator: string): void {
    this.registered.delete(accelerator);
  }
}

describe('the quick-chat shortcut', () => {
  it('registers the saved shortcut at start', () => {
    const hotkeys = new FakeHotkeys();
    const shortcut = new QuickChatShortcut(hotkeys);
    expect(shortcut.start('alt+space')).toEqual({
      accelerator: 'Alt+Space',
      registered: true,
      supported: true,
      error: null,
    });
    expect([...hotkeys.registered]).toEqual(['Alt+Space']);
  });

  it('reports a shortcut another app holds at start, registering nothing', () => {
    const hotkeys = new FakeHotkeys(['Alt+Space']);
    const status = new QuickChatShortcut(hotkeys).start('Alt+Space');
    expect(status.registered).toBe(false);
    expect(status.error?.code).toBe('shortcut_taken');
    expect(hotkeys.registered.size).toBe(0);
  });

  it('re-registers on change: the new one live, the old one released', () => {
    const hotkeys = new FakeHotkeys();
    const shortcut = new QuickChatShortcut(hotkeys);
    shortcut.start('Alt+Space');
    expect(shortcut.change('Control+Shift+K')).toBe('Control+Shift+K');
    expect([...hotkeys.registered]).toEqual(['Control+Shift+K']);
  });

  it('keeps the old shortcut when the new one is taken', () => {
    const hotkeys = new FakeHotkeys(['Control+Space']);
    const shortcut = new QuickChatShortcut(hotkeys);
    shortcut.start('Alt+Space');
    expect(() => shortcut.change('Control+Space')).toThrow(
      expect.objectContaining({ code: 'shortcut_taken' }),
    );
    expect([...hotkeys.registered]).toEqual(['Alt+Space']);
    expect(shortcut.status()).toMatchObject({ accelerator: 'Alt+Space', registered: true });
  });

  it('refuses a string that is not a shortcut, before asking the system', () => {
    const hotkeys = new FakeHotkeys();
    const shortcut = new QuickChatShortcut(hotkeys);
    for (const text of ['K', 'Shift+K', 'Alt+', 'Alt+K+J', 'Hyper+K'])
      expect(() => shortcut.change(text)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
    expect(hotkeys.registered.size).toBe(0);
  });

  it('a start that failed recovers when another shortcut is chosen', () => {
    const shortcut = new QuickChatShortcut(new FakeHotkeys(['Alt+Space']));
    shortcut.start('Alt+Space');
    shortcut.change('Alt+Shift+P');
    expect(shortcut.status()).toEqual({
      accelerator: 'Alt+Shift+P',
      registered: true,
      supported: true,
      error: null,
    });
  });
});

describe('shell settings through the dispatcher', () => {
  let core: AppCore | null = null;
  let dataDir = '';
  afterEach(async () => {
    await core?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async (hotkeys: HotkeysPort, settingsStore = new MemoryKeyValueStore()) => {
    dataDir = mkdtempSync(join(tmpdir(), 'penpal-shell-'));
    core = await createCore({
      dataDir,
      cipher: createTestCipher(),
      settingsStore,
      host: 'test',
      version: '0',
      platform: 'linux',
      systemLanguage: 'en',
      hotkeys,
    });
    const bridge = createInMemoryBridge(core.dispatcher, core.events);
    return (method: string, input: unknown) =>
      bridge.request(method, input) as Promise<{ ok: boolean; data?: unknown; error?: { code: string } }>;
  };

  it('a taken shortcut is refused with shortcut_taken and the saved one stays', async () => {
    const hotkeys = new FakeHotkeys(['Control+Space']);
    const call = await start(hotkeys);
    const refused = await call('shell.update', { quickChatShortcut: 'Control+Space', launchAtLogin: true });
    expect(refused).toMatchObject({ ok: false, error: { code: 'shortcut_taken' } });
    const status = await call('shell.status', {});
    expect(status.data).toMatchObject({
      settings: { quickChatShortcut: 'Alt+Space', launchAtLogin: false },
      shortcut: { accelerator: 'Alt+Space', registered: true },
    });
  });

  it('a free shortcut is saved in canonical form and registered on the next start', async () => {
    const store = new MemoryKeyValueStore();
    const call = await start(new FakeHotkeys(), store);
    expect(await call('shell.update', { quickChatShortcut: 'ctrl+alt+j' })).toMatchObject({
      ok: true,
      data: { quickChatShortcut: 'Control+Alt+J' },
    });
    await core?.close();
    const hotkeys = new FakeHotkeys();
    await start(hotkeys, store);
    expect([...hotkeys.registered]).toEqual(['Control+Alt+J']);
  });

  it('a damaged shell entry falls back field by field', async () => {
    const store = new MemoryKeyValueStore();
    store.set('shell', { settings: { quickChatShortcut: 42, closeToTray: false }, windowBounds: 'x' });
    const call = await start(new FakeHotkeys(), store);
    const status = await call('shell.status', {});
    expect(status.data).toMatchObject({ settings: { quickChatShortcut: 'Alt+Space', closeToTray: false } });
    expect(core?.shell.windowBounds()).toBeNull();
  });
});
