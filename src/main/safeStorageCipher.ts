import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/ports';
import { AppError } from '../shared/errors';

/** The part of Electron's `safeStorage` the cipher uses: the asynchronous API only. */
export type AsyncSafeStorage = Pick<
  SafeStorage,
  'encryptStringAsync' | 'decryptStringAsync' | 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend'
>;

/**
 * The app's cipher for the API key: Electron's `safeStorage` (Keychain on macOS, DPAPI on Windows,
 * libsecret/KWallet on Linux), through its asynchronous API (the synchronous one is deprecated
 * in Electron 45). On Linux with the `basic_text` backend the "encryption" is only obfuscation,
 * so `isSecure()` is false and the UI offers to keep the key for this session only. Call after
 * the app is ready (before that, Linux reports the backend as `unknown`).
 */
export function createSafeStorageCipher(
  storage: AsyncSafeStorage,
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
  const available = (): Promise<boolean> => storage.isAsyncEncryptionAvailable();
  return {
    backend,
    isSecure: async () => (await available()) && backend !== 'basic_text' && backend !== 'unknown',
    async encrypt(plain) {
      if (!(await available())) {
        throw new AppError(
          'storage',
          'The system keychain is not available; keep the key for this session only.',
        );
      }
      return (await storage.encryptStringAsync(plain)).toString('base64');
    },
    async decrypt(cipherText) {
      const { result, shouldReEncrypt } = await storage.decryptStringAsync(Buffer.from(cipherText, 'base64'));
      return { plain: result, stale: shouldReEncrypt };
    },
  };
}
