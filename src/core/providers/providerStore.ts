import { AppError } from '../../shared/errors';
import { normalizeBaseURL } from '../settings/settingsService';
import type { KeyValueStore, StoredProvider } from '../ports';
import type { SettingsService } from '../settings/settingsService';

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

/** How many removed providers are kept for Undo. */
const MAX_REMOVED = 10;

/** A saved provider with whether it is the one in use (the one whose address is the Base URL). */
export type ListedProvider = StoredProvider & { inUse: boolean };

/** The fields "Add provider" and "Edit" change. */
export type ProviderFields = Pick<StoredProvider, 'name' | 'baseURL' | 'defaultModel'>;

/**
 * The saved providers (in the settings file), and which one chat uses by default: the one whose
 * address is the settings' Base URL. A conversation may choose another (see `providerConfig.ts`).
 */
export class ProviderStore {
  constructor(
    private readonly store: KeyValueStore,
    private readonly settings: SettingsService,
  ) {}

  /** Every saved provider with `inUse` marking the default endpoint. */
  list(): ListedProvider[] {
    this.followSettings();
    const baseURL = this.settings.get().baseURL;
    return this.all().map((provider) => ({ ...provider, inUse: provider.baseURL === baseURL }));
  }

  /** One saved provider, or null. */
  get(id: string): ListedProvider | null {
    return this.list().find((provider) => provider.id === id) ?? null;
  }

  /** The provider in use (the settings' Base URL). */
  inUse(): ListedProvider {
    const listed = this.list();
    // followSettings makes sure one has the Base URL.
    return listed.find((provider) => provider.inUse) ?? listed[0]!;
  }

  /** The first saved provider at `baseURL` (normalized), or null. */
  atAddress(baseURL: string): ListedProvider | null {
    let normalized: string;
    try {
      normalized = normalizeBaseURL(baseURL);
    } catch {
      return null;
    }
    return this.list().find((provider) => provider.baseURL === normalized) ?? null;
  }

  /** Saves a provider (or updates the one at the same address) and returns its id. */
  save(input: Omit<StoredProvider, 'id'>): string {
    this.followSettings();
    const baseURL = normalizeBaseURL(input.baseURL);
    const providers = this.all();
    const existing = providers.find((provider) => provider.baseURL === baseURL);
    const id = existing?.id ?? this.freeId(baseURL);
    const next = { ...existing, ...input, id, baseURL };
    this.write(existing ? providers.map((p) => (p.id === id ? next : p)) : [...providers, next]);
    return id;
  }

  /** "Add provider": a new address (one already saved is refused by name). Returns its id. */
  add(fields: ProviderFields): string {
    const baseURL = normalizeBaseURL(fields.baseURL);
    const existing = this.list().find((provider) => provider.baseURL === baseURL);
    if (existing) throw new AppError('invalid_input', `${baseURL} is already saved as “${existing.name}”.`);
    const { kind } = describeEndpoint(baseURL);
    return this.save({ ...fields, baseURL, kind, keyless: false });
  }

  /**
   * Edits a provider. Its own key stays bound to the origin it was saved for, so a new origin
   * needs the key typed again. Editing the provider in use edits the settings' endpoint too.
   */
  update(id: string, patch: Partial<ProviderFields>): void {
    const current = this.require(id);
    const baseURL = patch.baseURL === undefined ? current.baseURL : normalizeBaseURL(patch.baseURL);
    const clash = this.all().find((p) => p.id !== id && p.baseURL === baseURL);
    if (clash) throw new AppError('invalid_input', `${baseURL} is already saved as “${clash.name}”.`);
    const next: StoredProvider = { ...stored(current), ...patch, baseURL };
    if (baseURL !== current.baseURL) delete next.capabilities;
    this.write(this.all().map((p) => (p.id === id ? next : p)));
    if (current.inUse) {
      this.settings.update(next.defaultModel ? { baseURL, model: next.defaultModel } : { baseURL });
    }
  }

  /**
   * Removes a provider. The last one cannot go; removing the one in use makes the first other one
   * the default, whose id is returned.
   */
  remove(id: string): string | null {
    const current = this.require(id);
    const others = this.all().filter((p) => p.id !== id);
    if (others.length === 0)
      throw new AppError(
        'invalid_input',
        'Penpal needs at least one provider: add another before removing this one.',
      );
    this.write(others);
    // Kept (its key still encrypted) so Undo can put it back.
    const removed = this.removed().filter((p) => p.id !== id);
    this.store.set('removedProviders', [...removed, stored(current)].slice(-MAX_REMOVED));
    if (!current.inUse) return null;
    this.use(others[0]!.id);
    return others[0]!.id;
  }

  /**
   * Undo of `remove`: the provider comes back with its id (so its conversations find it), its key
   * and its capabilities. Refused when its address has been saved again meanwhile.
   */
  restore(id: string): void {
    const provider = this.removed().find((p) => p.id === id);
    if (!provider) throw new AppError('not_found', 'That provider can no longer be put back.');
    const clash = this.all().find((p) => p.baseURL === provider.baseURL || p.id === id);
    if (clash)
      throw new AppError('invalid_input', `${provider.baseURL} is already saved as “${clash.name}”.`);
    this.write([...this.all(), provider]);
    this.store.set(
      'removedProviders',
      this.removed().filter((p) => p.id !== id),
    );
  }

  /** Changes a provider's stored record in place (its key, its capabilities). */
  patch(id: string, change: (provider: StoredProvider) => StoredProvider): void {
    this.require(id);
    this.write(this.all().map((p) => (p.id === id ? change(p) : p)));
  }

  /**
   * What a real answer showed: whether the provider's stream ends with usage. Kept only once a
   * check has run (the other capabilities need one), and written only when it changed.
   */
  noteStreamUsage(id: string | undefined, reported: boolean): void {
    const provider = id ? this.all().find((p) => p.id === id) : undefined;
    if (!provider?.capabilities || provider.capabilities.streamingUsage === reported) return;
    const capabilities = { ...provider.capabilities, streamingUsage: reported };
    this.write(this.all().map((p) => (p.id === provider.id ? { ...p, capabilities } : p)));
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

  private require(id: string): ListedProvider {
    const provider = this.get(id);
    if (!provider) throw new AppError('not_found', 'There is no such provider (it may have been removed).');
    return provider;
  }

  /**
   * The Base URL edited in the settings form, when no saved provider has it, is the "default"
   * provider's new address: the form edits the default endpoint, so switching away and back
   * returns to what the user typed there. With "default" removed, the address becomes a provider.
   */
  private followSettings(): void {
    const current = this.settings.get();
    const providers = this.all();
    if (providers.some((p) => p.baseURL === current.baseURL)) return;
    const fresh = {
      ...describeEndpoint(current.baseURL),
      baseURL: current.baseURL,
      defaultModel: current.model,
    };
    const updated = providers.some((p) => p.id === 'default')
      ? providers.map((p) => (p.id === 'default' ? { ...p, ...fresh } : p))
      : [...providers, { ...fresh, id: this.freeId(current.baseURL), keyless: false }];
    this.write(updated);
  }

  private freeId(baseURL: string): string {
    const base = providerIdFor(baseURL) || 'provider';
    const taken = new Set(this.all().map((p) => p.id));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    return id;
  }

  private all(): StoredProvider[] {
    const saved = this.store.get('providers');
    return Array.isArray(saved) ? saved.filter(isProvider) : [];
  }

  private removed(): StoredProvider[] {
    const saved = this.store.get('removedProviders');
    return Array.isArray(saved) ? saved.filter(isProvider) : [];
  }

  private write(providers: StoredProvider[]): void {
    this.store.set('providers', providers);
  }
}

/** A provider's id from its address (`http://127.0.0.1:11434/v1` → `127-0-0-1-11434-v1`). */
export function providerIdFor(address: string): string {
  return address
    .replace(/^https?:\/\//, '')
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase()
    .slice(0, 60);
}

function stored(provider: ListedProvider): StoredProvider {
  const { inUse: _inUse, ...rest } = provider;
  return rest;
}

function isProvider(value: unknown): value is StoredProvider {
  const p = value as Partial<StoredProvider> | null;
  return typeof p?.id === 'string' && typeof p.baseURL === 'string' && typeof p.name === 'string';
}
