import { originOf, sendsKeyInClear } from '../../shared/endpoint';
import { AppError } from '../../shared/errors';
import type { KeyStatus } from '../../shared/schemas';
import {
  DEFAULT_SETTINGS,
  type CorePorts,
  type KeyBinding,
  type KeyValueStore,
  type SecretCipher,
} from '../ports';
import { assertBindingAllows, bindingFor, parseBinding } from './keyBinding';

/** What a KeyVault needs besides the cipher and the settings file. */
export interface KeyVaultOptions {
  /** The saved Base URL: a new key is bound to it, and so is a key saved before keys were bound. */
  savedBaseURL?: () => string;
  /** The native "use my saved key with this address?" question, where the host has one. */
  confirmKeyReuse?: CorePorts['confirmKeyReuse'];
}

/**
 * Holds the API key inside main. It is encrypted by the platform cipher before it touches disk,
 * or kept in memory for this session only. The key is bound to the origin of the Base URL it was
 * saved for, and `keyFor(baseURL)` is the only way to read it: every request that carries the key
 * (test connection, models, chat, titles) gets it there, so none can send it elsewhere.
 */
export class KeyVault {
  private sessionKey: string | null = null;
  private sessionBinding: KeyBinding | null = null;
  /** The saved key once decrypted, and the cipher text it came from: the keychain is asked once. */
  private decrypted: { from: string; plain: string } | null = null;

  constructor(
    private readonly cipher: SecretCipher,
    private readonly store: KeyValueStore,
    private readonly options: KeyVaultOptions = {},
  ) {
    // Before any request can change the saved Base URL, so a legacy key follows no new address.
    this.bindLegacyKey();
  }

  /**
   * Saves the key (encrypted on disk when `persist`, else in memory until the app quits), bound to
   * `baseURL` (default: the saved Base URL). `plainHttpConfirmed`: the user agreed to send it
   * unencrypted there.
   */
  async set(
    key: string,
    persist: boolean,
    target: { baseURL?: string; plainHttpConfirmed?: boolean } = {},
  ): Promise<KeyStatus> {
    const trimmed = key.trim();
    const binding = bindingFor(target.baseURL ?? this.savedBaseURL(), target.plainHttpConfirmed === true);
    if (persist) {
      const encrypted = await this.cipher.encrypt(trimmed);
      this.store.set('encryptedKey', encrypted);
      this.store.set('keyBinding', binding);
      this.decrypted = { from: encrypted, plain: trimmed };
      this.sessionKey = this.sessionBinding = null;
    } else {
      this.forgetSaved();
      this.sessionKey = trimmed;
      this.sessionBinding = binding;
    }
    return this.status();
  }

  /** Forgets the key everywhere. */
  async clear(): Promise<KeyStatus> {
    this.forgetSaved();
    this.sessionKey = this.sessionBinding = null;
    return this.status();
  }

  /**
   * The key a request to `baseURL` may carry. Throws `no_key`, `key_not_for_this_address` (another
   * origin) or `key_over_plain_http` (unencrypted to a public host without the user's consent).
   */
  async keyFor(baseURL: string): Promise<string> {
    const key = await this.read();
    if (key === null) throw new AppError('no_key', 'No API key is set. Add one in Settings.');
    assertBindingAllows(this.binding(), baseURL);
    return key;
  }

  /**
   * Lets the saved key go to a new address after the user said yes in a native dialog. Returns
   * false when they said no; throws `key_not_for_this_address` where the host cannot ask.
   */
  async reuseFor(baseURL: string): Promise<boolean> {
    const to = bindingFor(baseURL, true);
    const from = this.binding();
    if ((await this.read()) === null || !from)
      throw new AppError('no_key', 'No API key is set. Add one in Settings.');
    if (!this.options.confirmKeyReuse) {
      throw new AppError(
        'key_not_for_this_address',
        `Your saved key belongs to ${from.origin}. Type the key again to use it with ${to.origin}.`,
      );
    }
    const plainHttp = sendsKeyInClear(baseURL);
    if (!(await this.options.confirmKeyReuse({ from: from.origin, to: to.origin, plainHttp }))) return false;
    if (this.sessionKey !== null) this.sessionBinding = to;
    else this.store.set('keyBinding', to);
    return true;
  }

  /** What the renderer may know: configured or not, the last four characters, where it lives and goes. */
  async status(): Promise<KeyStatus> {
    const key = await this.read();
    const binding = key === null ? null : this.binding();
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
      origin: binding?.origin ?? null,
      plainHttpConfirmed: binding?.plainHttpConfirmed ?? false,
      canConfirmReuse: this.options.confirmKeyReuse !== undefined,
    };
  }

  /** Where the key may go, or null (then it goes nowhere). */
  private binding(): KeyBinding | null {
    if (this.sessionKey !== null) return this.sessionBinding;
    if (!this.store.get('encryptedKey')) return null;
    return parseBinding(this.store.get('keyBinding'));
  }

  /**
   * A key saved before keys were bound has no binding: it is bound, once and for good, to the
   * origin of the Base URL saved with it, so nothing that worked is lost. The plain-http consent
   * was never asked for, so a legacy key for a public http host must still be confirmed.
   */
  private bindLegacyKey(): void {
    if (!this.store.get('encryptedKey') || this.store.get('keyBinding') !== undefined) return;
    const origin = originOf(this.savedBaseURL());
    if (origin) this.store.set('keyBinding', { origin, plainHttpConfirmed: false });
  }

  /** The key itself, or null when none is configured or it cannot be decrypted. Only for keyFor. */
  private async read(): Promise<string | null> {
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

  private savedBaseURL(): string {
    return this.options.savedBaseURL?.() ?? this.store.get('settings')?.baseURL ?? DEFAULT_SETTINGS.baseURL;
  }

  private forgetSaved(): void {
    this.store.delete('encryptedKey');
    this.store.delete('keyBinding');
    this.decrypted = null;
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
