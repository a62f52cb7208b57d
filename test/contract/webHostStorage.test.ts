import { mkdtempSync, readFileSync, statSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/core/ports';
import { KeyVault } from '../../src/core/settings/keyVault';
import { SettingsService } from '../../src/core/settings/settingsService';
import { createTestCipher } from '../../src/core/testing/memoryPorts';
import { createSafeStorageCipher, type AsyncSafeStorage } from '../../src/main/safeStorageCipher';
import { createConfSettingsStore } from '../../src/web/confSettingsStore';
import { createHostCipher, HOST_KEY_FILE } from '../../src/web/hostCipher';
import { defaultWebDataDir, systemLanguage } from '../../src/web/webPorts';

const fresh = () => mkdtempSync(join(tmpdir(), 'penpal-storage-'));

describe('browser host: key cipher', () => {
  it('encrypts with a key kept in <dataDir>/host-key (0600), readable after a restart', async () => {
    const dir = fresh();
    const cipher = createHostCipher(dir);
    expect(cipher.backend).toBe('host');
    expect(await cipher.isSecure()).toBe(true);
    const sealed = await cipher.encrypt('sk-secret-1234');
    expect(sealed).not.toContain('sk-secret');
    expect(await createHostCipher(dir).decrypt(sealed)).toEqual({ plain: 'sk-secret-1234', stale: false });
    expect(statSync(join(dir, HOST_KEY_FILE)).size).toBe(32);
    if (process.platform !== 'win32') expect(statSync(join(dir, HOST_KEY_FILE)).mode & 0o777).toBe(0o600);
  });

  it("refuses tampered cipher text and another folder's key", async () => {
    const sealed = await createHostCipher(fresh()).encrypt('sk-secret-1234');
    await expect(createHostCipher(fresh()).decrypt(sealed)).rejects.toThrow();
    const bytes = Buffer.from(sealed, 'base64');
    bytes[bytes.length - 1]! ^= 1;
    const dir = fresh();
    await expect(createHostCipher(dir).decrypt(bytes.toString('base64'))).rejects.toThrow();
  });

  it('sets a damaged key file aside instead of failing', async () => {
    const dir = fresh();
    writeFileSync(join(dir, HOST_KEY_FILE), 'short');
    const cipher = createHostCipher(dir);
    expect((await cipher.decrypt(await cipher.encrypt('x'))).plain).toBe('x');
    expect(readdirSync(dir).some((name) => name.startsWith(`${HOST_KEY_FILE}.damaged-`))).toBe(true);
  });
});

describe('browser host: settings file', () => {
  it('starts from the app defaults and keeps what is set, owner-only', () => {
    const dir = fresh();
    const store = createConfSettingsStore(dir);
    expect(store.get('settings')).toEqual(DEFAULT_SETTINGS);
    store.set('settings', { ...DEFAULT_SETTINGS, model: 'gpt-4o' });
    store.set('encryptedKey', 'abc');
    const again = createConfSettingsStore(dir);
    expect(again.get('settings')?.model).toBe('gpt-4o');
    expect(again.get('encryptedKey')).toBe('abc');
    again.delete('encryptedKey');
    expect(createConfSettingsStore(dir).get('encryptedKey')).toBeUndefined();
    if (process.platform !== 'win32') expect(statSync(join(dir, 'settings.json')).mode & 0o777).toBe(0o600);
  });

  it('reads from memory (a frozen cache), which SettingsService and KeyVault never change', async () => {
    const dir = fresh();
    const store = createConfSettingsStore(dir);
    const cached = store.get('settings');
    // The `cache` option is on: what a read returns is the cache itself, frozen.
    expect(Object.isFrozen(cached)).toBe(true);
    expect(store.get('settings')).toBe(cached);

    const settings = new SettingsService(store);
    expect(settings.get()).toEqual(DEFAULT_SETTINGS);
    expect(settings.update({ model: 'gpt-4o', baseURL: 'https://example.com/v1/' })).toMatchObject({
      model: 'gpt-4o',
      baseURL: 'https://example.com/v1',
    });
    expect(settings.get().model).toBe('gpt-4o');
    expect(Object.isFrozen(store.get('settings'))).toBe(true);

    const cipher = createTestCipher();
    const vault = new KeyVault(cipher, store);
    await vault.set('sk-cached-1234', true);
    const reopened = new KeyVault(cipher, createConfSettingsStore(dir));
    expect(await reopened.keyFor(settings.get().baseURL)).toBe('sk-cached-1234');
    await vault.clear();
    expect(createConfSettingsStore(dir).get('encryptedKey')).toBeUndefined();
    expect(createConfSettingsStore(dir).get('settings')?.model).toBe('gpt-4o');
  });

  it('sets a file that is not JSON aside and starts afresh', () => {
    const dir = fresh();
    writeFileSync(join(dir, 'settings.json'), '{"settings": {"model": "gpt-');
    const store = createConfSettingsStore(dir);
    expect(store.get('settings')).toEqual(DEFAULT_SETTINGS);
    const aside = readdirSync(dir).find((name) => name.startsWith('settings.json.damaged-'));
    expect(aside && readFileSync(join(dir, aside), 'utf8')).toContain('gpt-');
  });
});

describe('browser host: platform facts', () => {
  it('reads the language from the environment, then Intl', () => {
    expect(systemLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(systemLanguage({ LC_ALL: 'en_GB.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en-GB');
    expect(systemLanguage({ LANG: 'C' })).toBe(Intl.DateTimeFormat().resolvedOptions().locale);
  });

  it('keeps its data in a penpal-web folder in the user data folder', () => {
    expect(defaultWebDataDir({ APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'win32')).toMatch(
      /Roaming[\\/]penpal-web$/,
    );
    expect(defaultWebDataDir({}, 'darwin')).toMatch(/Library\/Application Support\/penpal-web$/);
    expect(defaultWebDataDir({}, 'linux')).toMatch(/\.config\/penpal-web$/);
  });
});

describe('app: safeStorage cipher', () => {
  /** A stand-in for Electron's safeStorage with only its asynchronous API (the sync one is deprecated). */
  const fake = (
    backend: ReturnType<AsyncSafeStorage['getSelectedStorageBackend']>,
    available = true,
    rotated = false,
  ): AsyncSafeStorage => ({
    getSelectedStorageBackend: () => backend,
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (plain: string) => Buffer.from(`enc:${plain}`),
    decryptStringAsync: async (sealed: Buffer) => ({
      result: sealed.toString().slice(4),
      shouldReEncrypt: rotated,
    }),
  });

  it('names the backend and says when it is only obfuscation', async () => {
    expect(createSafeStorageCipher(fake('gnome_libsecret'), 'linux')).toMatchObject({
      backend: 'gnome_libsecret',
    });
    expect(await createSafeStorageCipher(fake('gnome_libsecret'), 'linux').isSecure()).toBe(true);
    expect(await createSafeStorageCipher(fake('basic_text'), 'linux').isSecure()).toBe(false);
    expect(createSafeStorageCipher(fake('unknown'), 'darwin').backend).toBe('keychain');
    expect(createSafeStorageCipher(fake('unknown'), 'win32').backend).toBe('dpapi');
    expect(await createSafeStorageCipher(fake('unknown', false), 'win32').isSecure()).toBe(false);
  });

  it('round-trips through base64, passes on a rotated key, and refuses to encrypt without a keychain', async () => {
    const cipher = createSafeStorageCipher(fake('kwallet5'), 'linux');
    const sealed = await cipher.encrypt('sk-1');
    expect(sealed).toBe(Buffer.from('enc:sk-1').toString('base64'));
    expect(await cipher.decrypt(sealed)).toEqual({ plain: 'sk-1', stale: false });
    expect(await createSafeStorageCipher(fake('kwallet5', true, true), 'linux').decrypt(sealed)).toEqual({
      plain: 'sk-1',
      stale: true,
    });
    await expect(createSafeStorageCipher(fake('kwallet5', false), 'linux').encrypt('sk-1')).rejects.toThrow(
      /session only/,
    );
  });
});
