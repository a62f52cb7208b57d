import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SecretCipher } from '../core/ports';
import { ensurePrivateDir } from '../core/store/privateFiles';

/** The key file's name inside the host's data folder. */
export const HOST_KEY_FILE = 'host-key';

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The browser host's cipher for the API key: AES-256-GCM with a random key kept in
 * `<dataDir>/host-key` (owner-only, 0600). It protects the key from someone who copies only the
 * settings file; it is not an OS keychain, so `isSecure()` is true only in that sense. It lives in
 * `src/web` so the desktop app can never pick it (lint forbids `src/main` importing `src/web`).
 */
export function createHostCipher(dataDir: string): SecretCipher {
  const key = loadOrCreateKey(dataDir);
  return {
    backend: 'host',
    isSecure: async () => true,
    async encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    async decrypt(encoded) {
      const bytes = Buffer.from(encoded, 'base64');
      if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('The encrypted key is too short.');
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      const plain = Buffer.concat([
        decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)),
        decipher.final(),
      ]).toString('utf8');
      return { plain, stale: false };
    },
  };
}

function loadOrCreateKey(dataDir: string): Buffer {
  ensurePrivateDir(dataDir);
  const path = join(dataDir, HOST_KEY_FILE);
  if (existsSync(path)) {
    const key = readFileSync(path);
    if (key.length === KEY_BYTES) {
      // Tighten a key file someone loosened (no effect on Windows, which has no such modes).
      if (process.platform !== 'win32') chmodSync(path, 0o600);
      return key;
    }
    // A damaged key file cannot decrypt anything; keep it for inspection and start afresh.
    renameSync(path, `${path}.damaged-${Date.now()}`);
  }
  const key = randomBytes(KEY_BYTES);
  // `wx`: never overwrite a key another process created a moment ago.
  try {
    writeFileSync(path, key, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return readFileSync(path);
  }
  return key;
}
