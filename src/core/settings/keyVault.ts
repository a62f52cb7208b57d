import type { KeyStatus } from '../../shared/schemas';
import type { KeyValueStore, SecretCipher } from '../ports';

/**
 * Holds the API key inside main. It is encrypted by the platform cipher before it touches disk,
 * or kept in memory for this session only. Nothing here ever returns the key to a caller that
 * crosses the contract: only `status()` does, and it carries the last four characters.
 */
export class KeyVault {
  private sessionKey: string | null = null;

  constructor(
    private readonly cipher: SecretCipher,
    private readonly store: KeyValueStore,
  ) {}

  /** Saves the key: encrypted on disk when `persist`, else in memory until the app quits. */
  set(key: string, persist: boolean): KeyStatus {
    const trimmed = key.trim();
    if (persist) {
      this.store.set('encryptedKey', this.cipher.encrypt(trimmed));
      this.sessionKey = null;
    } else {
      this.store.delete('encryptedKey');
      this.sessionKey = trimmed;
    }
    return this.status();
  }

  /** Forgets the key everywhere. */
  clear(): KeyStatus {
    this.store.delete('encryptedKey');
    this.sessionKey = null;
    return this.status();
  }

  /** The key for a model call, or null when none is configured or it cannot be decrypted. */
  get(): string | null {
    if (this.sessionKey !== null) return this.sessionKey;
    const encrypted = this.store.get('encryptedKey');
    if (!encrypted) return null;
    try {
      return this.cipher.decrypt(encrypted);
    } catch {
      // A key encrypted by another OS user or keychain cannot be read: treat it as absent.
      return null;
    }
  }

  /** What the renderer may know: configured or not, the last four characters, where it lives. */
  status(): KeyStatus {
    const key = this.get();
    const storage =
      key === null
        ? 'none'
        : this.sessionKey !== null
          ? 'session'
          : this.cipher.backend === 'host'
            ? 'host'
            : 'keychain';
    return {
      configured: key !== null,
      last4: key === null ? null : key.slice(-4),
      storage,
      canPersistSecurely: this.cipher.isSecure(),
      backend: this.cipher.backend,
    };
  }
}
