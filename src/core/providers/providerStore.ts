import { originOf } from '../../shared/endpoint';
import { AppError } from '../../shared/errors';
import { normalizeBaseURL } from '../chat/openaiClient';
import type { KeyValueStore, StoredProvider } from '../ports';
import type { SettingsService } from '../settings/settingsService';

/** The settings file's format: 2 added `providers` (today's single endpoint became "default"). */
export const SETTINGS_FILE_VERSION = 2;

/** What each known kind of server is called, guessed from the port for a migrated endpoint. */
const KIND_BY_PORT: Record<string, { kind: StoredProvider['kind']; name: string }> = {
  '11434': { kind: 'ollama', name: 'Ollama' },
  '1234': { kind: 'lmstudio', name: 'LM Studio' },
  '8080': { kind: 'llamacpp', name: 'llama.cpp' },
  '8000': { kind: 'vllm', name: 'vLLM' },
  '1337': { kind: 'jan', name: 'Jan' },
};

/** A provider's kind and display name from its address. */
export function describeEndpoint(baseURL: string): { kind: StoredProvider['kind']; name: string } {
  try {
    const url = new URL(baseURL);
    if (url.hostname === 'api.openai.com') return { kind: 'openai', name: 'OpenAI' };
    const local = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)
      ? KIND_BY_PORT[url.port]
      : undefined;
    return local ?? { kind: 'custom', name: url.host };
  } catch {
    return { kind: 'custom', name: baseURL.slice(0, 80) };
  }
}

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
        id: idFor(origin),
        ...describeEndpoint(baseURL),
        baseURL,
        defaultModel: '',
        keyless: true,
      });
  }
  store.set('providers', providers);
  store.set('version', SETTINGS_FILE_VERSION);
}

/** The saved providers, and which one chat uses now (the one whose address is the Base URL). */
export class ProviderStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly settings: SettingsService,
  ) {}

  /** Every saved provider with `inUse` marking the endpoint chat uses. */
  list(): (StoredProvider & { inUse: boolean })[] {
    this.followSettings();
    const baseURL = this.settings.get().baseURL;
    return this.all().map((provider) => ({ ...provider, inUse: provider.baseURL === baseURL }));
  }

  /** Saves a provider (or updates the one at the same address) and returns its id. */
  save(input: Omit<StoredProvider, 'id'>): string {
    this.followSettings();
    const baseURL = normalizeBaseURL(input.baseURL);
    const providers = this.all();
    const existing = providers.find((provider) => provider.baseURL === baseURL);
    const id = existing?.id ?? idFor(baseURL);
    const next = { ...input, id, baseURL };
    this.store.set(
      'providers',
      existing ? providers.map((p) => (p.id === id ? next : p)) : [...providers, next],
    );
    return id;
  }

  /** Makes a saved provider the one chat uses: its address and default model become the settings'. */
  use(id: string): void {
    const provider = this.all().find((p) => p.id === id);
    if (!provider) throw new AppError('not_found', 'There is no such provider.');
    this.settings.update(
      provider.defaultModel
        ? { baseURL: provider.baseURL, model: provider.defaultModel }
        : { baseURL: provider.baseURL },
    );
  }

  /**
   * The Base URL edited in the settings form, when no saved provider has it, is the "default"
   * provider's new address: the form edits the default endpoint, so switching away and back
   * returns to what the user typed there.
   */
  private followSettings(): void {
    const current = this.settings.get();
    const providers = this.all();
    if (providers.some((p) => p.baseURL === current.baseURL)) return;
    const updated = providers.map((p) =>
      p.id === 'default'
        ? {
            ...p,
            ...describeEndpoint(current.baseURL),
            baseURL: current.baseURL,
            defaultModel: current.model,
          }
        : p,
    );
    this.store.set('providers', updated);
  }

  private all(): StoredProvider[] {
    const saved = this.store.get('providers');
    return Array.isArray(saved) ? saved.filter(isProvider) : [];
  }
}

function idFor(address: string): string {
  return address
    .replace(/^https?:\/\//, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
}

function isProvider(value: unknown): value is StoredProvider {
  const p = value as Partial<StoredProvider> | null;
  return typeof p?.id === 'string' && typeof p.baseURL === 'string' && typeof p.name === 'string';
}
