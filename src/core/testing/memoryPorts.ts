import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { KeyValueStore, SecretCipher, StoredSettings } from '../ports';

/** A KeyValueStore in a Map, for tests; `raw()` shows exactly what would be on disk. */
export class MemoryKeyValueStore implements KeyValueStore {
  private readonly data = new Map<keyof StoredSettings, unknown>();

  get<K extends keyof StoredSettings>(key: K): StoredSettings[K] | undefined {
    return this.data.get(key) as StoredSettings[K] | undefined;
  }

  set<K extends keyof StoredSettings>(key: K, value: StoredSettings[K]): void {
    this.data.set(key, structuredClone(value));
  }

  delete(key: keyof StoredSettings): void {
    this.data.delete(key);
  }

  /** Everything stored, serialised as the file would be. */
  raw(): string {
    return JSON.stringify(Object.fromEntries(this.data));
  }
}

/**
 * A real AES-GCM cipher with a throwaway key, for tests; `secure: false` mimics Linux basic_text,
 * `stale: true` a keychain that has rotated its key (every decrypt asks for a re-encrypt).
 */
export function createTestCipher(
  options: { secure?: boolean; backend?: string; stale?: boolean } = {},
): SecretCipher {
  const key = randomBytes(32);
  return {
    backend: options.backend ?? (options.secure === false ? 'basic_text' : 'test_keychain'),
    isSecure: async () => options.secure !== false,
    async encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(encoded) {
      const bytes = Buffer.from(encoded, 'base64');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const plain = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
      return { plain, stale: options.stale === true };
    },
  };
}
