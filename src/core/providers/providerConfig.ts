import type { Settings } from '../../shared/schemas';
import type { ChatConfig } from '../chat/chatService';
import type { ProviderStore } from './providerStore';

/**
 * The settings a conversation's model calls use: those of the provider it chose (its address and
 * default model), or of the provider in use when it chose none or its provider was removed —
 * the safe fallback, which `provider.list` and the header picker show. The provider in use keeps
 * the settings' own model (the Connection form edits it).
 */
export function configForProvider(
  providers: ProviderStore,
  settings: Settings,
  providerId: string | null | undefined,
): ChatConfig {
  const chosen = providerId ? providers.get(providerId) : null;
  const provider = chosen && !chosen.inUse ? chosen : null;
  if (!provider) {
    const inUse = providers.inUse();
    return { ...settings, providerId: inUse.id, completions: inUse.capabilities?.completions ?? null };
  }
  return {
    ...settings,
    baseURL: provider.baseURL,
    model: provider.defaultModel || provider.capabilities?.models[0] || settings.model,
    providerId: provider.id,
    completions: provider.capabilities?.completions ?? null,
  };
}
