import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../ports';
import { createTestCipher, MemoryKeyValueStore } from '../testing/memoryPorts';
import { KeyVault } from './keyVault';
import { normalizeBaseURL, SettingsService } from './settingsService';

const KEY = 'sk-test-0123456789abcdefWXYZ';
const URL_SAVED = DEFAULT_SETTINGS.baseURL;

describe('KeyVault', () => {
  it('stores the key encrypted, never in clear text, and reports only the last four characters', async () => {
    const store = new MemoryKeyValueStore();
    const vault = new KeyVault(createTestCipher(), store);
    const status = await vault.set(KEY, true);
    expect(status).toMatchObject({
      configured: true,
      last4: 'WXYZ',
      storage: 'keychain',
      canPersistSecurely: true,
    });
    expect(JSON.stringify(status)).not.toContain(KEY);
    expect(store.raw()).not.toContain(KEY);
    expect(store.raw()).not.toContain('0123456789');
    expect(await vault.keyFor(URL_SAVED)).toBe(KEY);
  });

  it('keeps a session-only key in memory and off disk', async () => {
    const store = new MemoryKeyValueStore();
    const vault = new KeyVault(createTestCipher({ secure: false }), store);
    expect((await vault.status()).canPersistSecurely).toBe(false);
    expect((await vault.set(KEY, false)).storage).toBe('session');
    expect(store.get('encryptedKey')).toBeUndefined();
    // A new vault over the same file (a restart) no longer has it.
    expect((await new KeyVault(createTestCipher({ secure: false }), store).status()).configured).toBe(false);
  });

  it('treats a key it cannot decrypt as absent instead of crashing', async () => {
    const store = new MemoryKeyValueStore();
    await new KeyVault(createTestCipher(), store).set(KEY, true);
    const otherMachine = new KeyVault(createTestCipher(), store);
    await expect(otherMachine.keyFor(URL_SAVED)).rejects.toMatchObject({ code: 'no_key' });
    expect((await otherMachine.status()).configured).toBe(false);
  });

  it('reads a saved key after a restart, and stores it anew when the keychain has rotated its key', async () => {
    const store = new MemoryKeyValueStore();
    const cipher = createTestCipher();
    await new KeyVault(cipher, store).set(KEY, true);
    const saved = store.get('encryptedKey');
    expect(await new KeyVault(cipher, store).keyFor(URL_SAVED)).toBe(KEY);
    expect(store.get('encryptedKey')).toBe(saved);

    const rotated = {
      ...cipher,
      decrypt: async (text: string) => ({ ...(await cipher.decrypt(text)), stale: true }),
    };
    expect(await new KeyVault(rotated, store).keyFor(URL_SAVED)).toBe(KEY);
    const renewed = store.get('encryptedKey');
    expect(renewed).toBeDefined();
    expect(renewed).not.toBe(saved);
    expect(renewed).not.toContain(KEY);
    expect(await new KeyVault(cipher, store).keyFor(URL_SAVED)).toBe(KEY);
  });

  it('clears the key', async () => {
    const store = new MemoryKeyValueStore();
    const vault = new KeyVault(createTestCipher(), store);
    await vault.set(KEY, true);
    expect((await vault.clear()).configured).toBe(false);
    expect(store.get('encryptedKey')).toBeUndefined();
    await expect(vault.keyFor(URL_SAVED)).rejects.toMatchObject({ code: 'no_key' });
  });
});

describe('SettingsService', () => {
  it('starts from the defaults and saves partial updates', () => {
    const service = new SettingsService(new MemoryKeyValueStore());
    expect(service.get()).toEqual(DEFAULT_SETTINGS);
    const next = service.update({ model: 'llama3', temperature: 0.3, baseURL: 'http://localhost:11434/v1/' });
    expect(next).toMatchObject({ model: 'llama3', temperature: 0.3, baseURL: 'http://localhost:11434/v1' });
    expect(service.get().model).toBe('llama3');
  });

  it('repairs a damaged settings file field by field', () => {
    const store = new MemoryKeyValueStore();
    store.set('settings', { ...DEFAULT_SETTINGS, model: 'kept', temperature: 99 as number });
    const settings = new SettingsService(store).get();
    expect(settings.model).toBe('kept');
    expect(settings.temperature).toBe(DEFAULT_SETTINGS.temperature);
  });

  it('refuses base URLs that are not http(s) with a human message', () => {
    expect(() => normalizeBaseURL('ftp://example.com')).toThrow(/http:\/\/ or https:\/\//);
    expect(() => normalizeBaseURL('not a url')).toThrow(/is not a valid URL/);
    expect(() => normalizeBaseURL('https://user:pw@example.com/v1')).toThrow(/user name or password/);
  });
});
