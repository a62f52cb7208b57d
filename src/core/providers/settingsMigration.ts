import { originOf } from '../../shared/endpoint';
import type { KeyValueStore, StoredProvider } from '../ports';
import type { SettingsService } from '../settings/settingsService';
import { describeEndpoint, providerIdFor } from './providerStore';

/** The settings file's format: 2 added `providers` (today's single endpoint became "default"). */
export const SETTINGS_FILE_VERSION = 2;

/**
 * Brings a settings file to version 2: the endpoint saved today (Base URL and model) becomes the
 * provider "default"; the key and its binding stay where they are (they are that provider's).
 * Local servers added without a key become providers of their own. Nothing is removed, and a file
 * already at version 2 is left alone.
 */
export function migrateSettingsFile(store: KeyValueStore, settings: SettingsService): void {
  if (store.get('version') === SETTINGS_FILE_VERSION && Array.isArray(store.get('providers'))) return;
  const current = settings.get();
  const providers: StoredProvider[] = [
    {
      id: 'default',
      ...describeEndpoint(current.baseURL),
      baseURL: current.baseURL,
      defaultModel: current.model,
      keyless: false,
    },
  ];
  for (const origin of store.get('keylessOrigins') ?? []) {
    const baseURL = `${origin}/v1`;
    if (originOf(current.baseURL) === origin) providers[0]!.keyless = true;
    else
      providers.push({
        id: providerIdFor(origin),
        ...describeEndpoint(baseURL),
        baseURL,
        defaultModel: '',
        keyless: true,
      });
  }
  store.set('providers', providers);
  store.set('version', SETTINGS_FILE_VERSION);
}
