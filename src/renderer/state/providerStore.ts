import { useEffect, useSyncExternalStore } from 'react';
import type { Output } from '../../shared/contract';
import { call, onEvent } from '../bridge/api';

/** A saved provider as main lists it (never its key). */
export type ProviderView = Output<'provider.list'>['providers'][number];

let providers: ProviderView[] | null = null;
let unsubscribe: (() => void) | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

function set(next: ProviderView[]): void {
  providers = next;
  for (const listener of listeners) listener();
}

/** Fetches the list again (after `settings.changed`, which every provider change announces). */
export function reloadProviders(): Promise<void> {
  loading ??= call('provider.list', {})
    .then((list) => set(list.providers))
    .catch(() => {
      // Keep the last list: the next change tries again.
    })
    .finally(() => {
      loading = null;
    });
  return loading;
}

/** Takes the list a provider change answered with, without a round trip. */
export function noteProviders(next: ProviderView[]): void {
  set(next);
}

/** The list as last fetched (null before the first answer), for code outside components. */
export function currentProviders(): ProviderView[] | null {
  return providers;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  unsubscribe ??= onEvent('settings.changed', () => void reloadProviders());
  return () => listeners.delete(listener);
}

/** The saved providers (null until the first answer), fresh after every change, in any window. */
export function useProviders(): ProviderView[] | null {
  const list = useSyncExternalStore(subscribe, () => providers);
  useEffect(() => {
    if (providers === null) void reloadProviders();
  }, []);
  return list;
}

/** The provider a conversation answers with: its choice when still saved, else the one in use. */
export function effectiveProvider(
  list: ProviderView[],
  providerId: string | null | undefined,
): { provider: ProviderView | null; removed: boolean } {
  const chosen = providerId ? list.find((p) => p.id === providerId) : undefined;
  if (chosen) return { provider: chosen, removed: false };
  return { provider: list.find((p) => p.inUse) ?? null, removed: Boolean(providerId) };
}

/**
 * The model a conversation's answers use unless its persona names one: its provider's default
 * model (the provider in use keeps the settings' model, which the Connection form edits).
 */
export function conversationModel(
  list: ProviderView[] | null,
  providerId: string | null | undefined,
  settingsModel: string | undefined,
): string | undefined {
  const { provider } = effectiveProvider(list ?? [], providerId);
  if (!provider || provider.inUse) return settingsModel;
  return provider.defaultModel || provider.capabilities?.models[0] || settingsModel;
}
