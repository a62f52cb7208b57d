import type { KeyValueStore } from '../ports';
import type { KeyVault } from '../settings/keyVault';
import { keylessKeyFor } from './localProviders';
import type { ProviderKeys } from './providerKeys';
import type { ProviderStore } from './providerStore';

/** What `credentialsFor` reads keys from. */
export interface CredentialSources {
  vault: KeyVault;
  keys: ProviderKeys;
  providers: ProviderStore;
  /** The settings file (which local origins need no key). */
  store: KeyValueStore;
}

/**
 * The one function every model call gets its key from, for a request to `baseURL` on behalf of
 * provider `providerId` (absent: the provider saved at that address). In order:
 * - the provider's own key, only when bound to `baseURL`'s origin (else `key_not_for_this_address`:
 *   never another provider's key, and never the settings' key instead of a stale own key);
 * - the settings' key (KeyVault), only when bound to that origin;
 * - a placeholder for a local server added without a key.
 */
export function createCredentialsFor(
  sources: CredentialSources,
): (baseURL: string, providerId?: string) => Promise<string> {
  return async (baseURL, providerId) => {
    const provider = providerId ? sources.providers.get(providerId) : sources.providers.atAddress(baseURL);
    const own = provider ? await sources.keys.keyFor(provider, baseURL) : null;
    if (own !== null) return own;
    return sources.vault
      .keyFor(baseURL)
      .catch((error: unknown) => keylessKeyFor(sources.store, baseURL, error));
  };
}
