import type { Provider } from '../../shared/contract/providerSchemas';
import type { KeyVault } from '../settings/keyVault';
import type { ConversationProviderStore } from '../store/conversationProviders';
import type { ProviderKeys } from './providerKeys';
import type { ProviderStore } from './providerStore';

/** What the list the settings show is made from. */
export interface ProviderViewSources {
  providers: ProviderStore;
  keys: ProviderKeys;
  vault: KeyVault;
  /** The conversations' choices (how many use each provider). */
  choices: ConversationProviderStore;
}

/** The saved providers as the renderer may see them: which key goes there, never the key. */
export async function listProviders(sources: ProviderViewSources): Promise<{ providers: Provider[] }> {
  const settingsKey = await sources.vault.status();
  const usage = sources.choices.usage();
  const providers = await Promise.all(
    sources.providers.list().map(async (provider): Promise<Provider> => ({
      id: provider.id,
      name: provider.name,
      kind: provider.kind,
      baseURL: provider.baseURL,
      defaultModel: provider.defaultModel,
      keyless: provider.keyless,
      inUse: provider.inUse,
      key: await sources.keys.describe(provider, settingsKey),
      capabilities: provider.capabilities ?? null,
      conversations: usage.get(provider.id) ?? 0,
    })),
  );
  return { providers };
}
