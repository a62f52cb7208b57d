import { originOf } from '../../shared/endpoint';
import { AppError } from '../../shared/errors';
import type { Provider } from '../../shared/contract/providerSchemas';
import type { KeyStatus } from '../../shared/schemas';
import type { SecretCipher, StoredProvider } from '../ports';
import {
  assertBindingAllows,
  assertPlainHttpAllowed,
  bindingFor,
  parseBinding,
} from '../settings/keyBinding';
import type { ProviderStore } from './providerStore';

/**
 * Each saved provider's own API key: encrypted by the platform cipher in the provider's record,
 * bound to the origin of the provider's address when it was saved (the hardening rule of
 * `KeyVault`, per provider). `keyFor` is the only reader, and it refuses any other origin, so
 * provider A's key never goes to provider B.
 */
export class ProviderKeys {
  /** Keys once decrypted, by the cipher text they came from: the keychain is asked once. */
  private readonly decrypted = new Map<string, string>();

  constructor(
    private readonly cipher: SecretCipher,
    private readonly providers: ProviderStore,
  ) {}

  /**
   * Saves `key` as provider `id`'s own, bound to its address's origin now. Plain http to a public
   * host needs `allowPlainHttp` (the user's consent), else `key_over_plain_http`.
   */
  async set(id: string, key: string, allowPlainHttp = false): Promise<void> {
    const provider = this.providers.get(id);
    if (!provider) throw new AppError('not_found', 'There is no such provider (it may have been removed).');
    const binding = bindingFor(provider.baseURL, allowPlainHttp);
    assertPlainHttpAllowed(provider.baseURL, binding.plainHttpConfirmed);
    const encryptedKey = await this.cipher.encrypt(key.trim());
    this.decrypted.set(encryptedKey, key.trim());
    this.providers.patch(id, (p) => ({ ...p, encryptedKey, keyBinding: binding }));
  }

  /** Forgets provider `id`'s own key. */
  clear(id: string): void {
    this.providers.patch(id, (p) => {
      const { encryptedKey: _key, keyBinding: _binding, ...rest } = p;
      return rest;
    });
  }

  /**
   * Provider's own key for a request to `baseURL`, or null when it has none. Throws
   * `key_not_for_this_address` when the key is bound to another origin (its address was edited)
   * and `key_over_plain_http` without the consent plain http needs.
   */
  async keyFor(provider: StoredProvider, baseURL: string): Promise<string | null> {
    if (!provider.encryptedKey) return null;
    assertBindingAllows(parseBinding(provider.keyBinding), baseURL);
    return this.read(provider.encryptedKey);
  }

  /** What the settings may show of the key a provider's requests carry; never the key. */
  async describe(provider: StoredProvider, settingsKey: KeyStatus): Promise<Provider['key']> {
    const origin = originOf(provider.baseURL);
    if (provider.encryptedKey) {
      const bound = parseBinding(provider.keyBinding)?.origin === origin;
      const plain = bound ? await this.read(provider.encryptedKey).catch(() => null) : null;
      if (plain !== null) return { source: 'own', last4: plain.slice(-4), stale: false };
      return { source: 'none', last4: null, stale: true };
    }
    if (provider.keyless) return { source: 'keyless', last4: null, stale: false };
    if (settingsKey.configured && settingsKey.origin === origin)
      return { source: 'settings', last4: settingsKey.last4, stale: false };
    return { source: 'none', last4: null, stale: false };
  }

  private async read(encrypted: string): Promise<string> {
    const known = this.decrypted.get(encrypted);
    if (known !== undefined) return known;
    const { plain } = await this.cipher.decrypt(encrypted);
    this.decrypted.set(encrypted, plain);
    return plain;
  }
}
