import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/ports';
import { AppError } from '../shared/errors';

/**
 * The app's cipher for the API key: Electron's `safeStorage` (Keychain on macOS, DPAPI on Windows,
 * libsecret/KWallet on Linux). On Linux with the `basic_text` backend the "encryption" is only
 * obfuscation, so `isSecure()` is false and the UI offers to keep the key for this session only.
 * Call after the app is ready (before that, Linux reports the backend as `unknown`).
 */
export function createSafeStorageCipher(
  storage: SafeStorage,
  platform: NodeJS.Platform = process.platform,
): SecretCipher {
  const backend =
    platform === 'darwin'
      ? 'keychain'
      : platform === 'win32'
        ? 'dpapi'
        : platform === 'linux'
          ? storage.getSelectedStorageBackend()
          : 'unknown';
  const available = (): boolean => storage.isEncryptionAvailable();
  return {
    backend,
    isSecure: () => available() && backend !== 'basic_text' && backend !== 'unknown',
    encrypt(plain) {
      if (!available()) {
        throw new AppError(
          'storage',
          'The system keychain is not available; keep the key for this session only.',
        );
      }
      return storage.encryptString(plain).toString('base64');
    },
    decrypt(cipherText) {
      return storage.decryptString(Buffer.from(cipherText, 'base64'));
    },
  };
}
