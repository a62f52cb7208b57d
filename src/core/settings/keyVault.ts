import type { KeyStatus } from '../../shared/schemas';
import type { KeyValueStore, SecretCipher } from '../ports';

/**
 * Holds the API key inside main. It is encrypted by the platform cipher before it touches disk,
 * or kept in memory for this session only. Nothing here ever returns the key to a caller that
 * crosses the contract: only `status()` does, and it carries the last four characters.
 */
export class KeyVault {
  private sessionKey: string | null = null;
  /** The saved key once decrypted, and the cipher text it came from: the keychain is asked once. */
  private decrypted: { from: string; plain: string } | null = null;

  constructor(
    private readonly cipher: SecretCipher,
    private readonly store: KeyValueStore,
  ) {}

  /** Saves the key: encrypted on disk when `persist`, else in memory until the app quits. */
  async set(key: string, persist: boolean): Promise<KeyStatus> {
    const trimmed = key.trim();
    if (persist) {
      const encrypted = await this.cipher.encrypt(trimmed);
      this.store.set('encryptedKey', encrypted);
      this.decrypted = { from: encrypted, plain: trimmed };
      this.sessionKey = null;
    } else {
      this.store.delete('encryptedKey');
      this.decrypted = null;
      this.sessionKey = trimmed;
    }
    return this.status();
  }

  /** Forgets the key everywhere. */
  async clear(): Promise<KeyStatus> {
    this.store.delete('encryptedKey');
    this.decrypted = null;
    this.sessionKey = null;
    return this.status();
  }

  /** The key for a model call, or null when none is configured or it cannot be decrypted. */
  async get(): Promise<string | null> {
    if (this.sessionKey !== null) return this.sessionKey;
    const encrypted = this.store.get('encryptedKey');
    if (!encrypted) return null;
    if (this.decrypted?.from === encrypted) return this.decrypted.plain;
    let plain: string;
    let stale: boolean;
    try {
      ({ plain, stale } = await this.cipher.decrypt(encrypted));
    } catch {
      // A key encrypted by another OS user or keychain cannot be read: treat it as absent.
      return null;
    }
    this.decrypted = { from: encrypted, plain };
    if (stale) await this.reEncrypt(plain);
    return plain;
  }

  /** What the renderer may know: configured or not, the last four characters, where it lives. */
  async status(): Promise<KeyStatus> {
    const key = await this.get();
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
      canPersistSecurely: await this.cipher.isSecure(),
      backend: this.cipher.backend,
    };
  }

  /** The keychain rotated its key: store the key in its new form (the old one still works if this fails). */
  private async reEncrypt(plain: string): Promise<void> {
    try {
      const encrypted = await this.cipher.encrypt(plain);
      this.store.set('encryptedKey', encrypted);
      this.decrypted = { from: encrypted, plain };
    } catch {
      // Keep the old cipher text; it still decrypts.
    }
  }
}
