import { mkdirSync } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import { BUILTIN_BASE_URL, type LocalModelViewSchema } from '../../shared/contract/localModel';
import { AppError } from '../../shared/errors';
import type { TokenCounter } from '../../shared/tokens';
import type { ChatConfig } from '../chat/chatService';
import type { ModelTableService } from '../context/modelTableService';
import type { KeyValueStore } from '../ports';
import type { ProviderStore } from '../providers/providerStore';
import type { SettingsService } from '../settings/settingsService';
import { CATALOG, type CatalogModel } from './catalog';
import { Downloads } from './downloads';
import { LocalEngine, type SpawnEngine } from './localEngine';
import { readLocalModels, uniqueModelId, updateLocalModels } from './localModelStore';
import { checkGgufMagic } from './modelFile';
import { forgetVocabulary, modelCounter } from './modelCounter';

/** What settings show of the local model. */
export type LocalModelView = z.infer<typeof LocalModelViewSchema>;

/** What the service is built from. */
export interface LocalModelDeps {
  store: KeyValueStore;
  settings: SettingsService;
  /** "On this computer" is saved as a provider of kind `builtin`, so picking it never rewrites another's address. */
  providers: ProviderStore;
  models: ModelTableService;
  /** The data folder; models go in its `models` folder. */
  dataDir: string;
  spawn: SpawnEngine;
  contextSize?: number;
  threads?: number;
  paceMs?: number;
  catalog?: readonly CatalogModel[];
  /** The network downloads go through (the user's proxy). */
  fetch?: typeof globalThis.fetch;
  onChange(): void;
}

/**
 * "On this computer": the models on disk, downloads, and the engine. Chat asks it for the
 * endpoint (`resolveConfig`), the key (`tokenFor`) and the counter (`counterFor`), so everything
 * downstream treats the engine as one more OpenAI-compatible server.
 */
export class LocalModelService {
  readonly engine: LocalEngine;
  readonly folder: string;
  private readonly catalog: readonly CatalogModel[];
  private readonly downloads: Downloads;

  constructor(private readonly deps: LocalModelDeps) {
    this.folder = join(deps.dataDir, 'models');
    this.catalog = deps.catalog ?? CATALOG;
    this.engine = new LocalEngine(deps.spawn, {
      idleMinutes: () => readLocalModels(deps.store).idleMinutes,
      contextSize: deps.contextSize,
      threads: deps.threads,
      paceMs: deps.paceMs,
      onChange: () => deps.onChange(),
    });
    this.downloads = new Downloads({ fetch: deps.fetch, onChange: () => deps.onChange() });
  }

  /** Everything the settings section shows. */
  view(): LocalModelView {
    const stored = readLocalModels(this.deps.store);
    const state = this.engine.state();
    return {
      catalog: [...this.catalog],
      models: stored.files.map((file) => ({
        id: file.id,
        name: file.name,
        source: file.source,
        sizeBytes: file.sizeBytes,
        selected: file.id === stored.selected,
      })),
      downloads: this.downloads.list(),
      engine: {
        state: state.state,
        message: state.state === 'crashed' ? state.message : null,
        contextWindow: state.state === 'ready' ? state.model.contextWindow : null,
      },
      idleMinutes: stored.idleMinutes,
      folder: this.folder,
    };
  }

  /** Makes "On this computer" the provider with model `id`. */
  use(id: string): void {
    const file = readLocalModels(this.deps.store).files.find((f) => f.id === id);
    if (!file) throw new AppError('not_found', 'That model is not on this computer.');
    updateLocalModels(this.deps.store, (current) => ({ ...current, selected: id }));
    const providerId = this.deps.providers.save({
      name: 'On this computer',
      kind: 'builtin',
      baseURL: BUILTIN_BASE_URL,
      defaultModel: id,
      keyless: true,
    });
    this.deps.providers.use(providerId);
  }

  /** Adds a GGUF the user picked; it stays where it is. */
  async addFile(path: string): Promise<void> {
    await checkGgufMagic(path);
    const { size } = await stat(path);
    updateLocalModels(this.deps.store, (current) => {
      if (current.files.some((f) => f.path === path)) return current;
      const id = uniqueModelId(basename(path), current.files);
      return {
        ...current,
        files: [...current.files, { id, name: basename(path), path, source: 'file', sizeBytes: size }],
      };
    });
  }

  /** Starts or resumes a download of a catalog model or a Hugging Face file. */
  download(input: { catalogId: string } | { url: string }): void {
    const entry = 'catalogId' in input ? (this.catalog.find((m) => m.id === input.catalogId) ?? null) : null;
    if ('catalogId' in input && !entry)
      throw new AppError('not_found', 'There is no such model in the list.');
    mkdirSync(this.folder, { recursive: true });
    const job = this.downloads.start({
      entry,
      url: 'url' in input ? input.url : undefined,
      folder: this.folder,
    });
    job.then(
      ({ id, path, name, sizeBytes }) => {
        updateLocalModels(this.deps.store, (current) => ({
          ...current,
          files: [
            ...current.files.filter((f) => f.id !== id),
            { id, name, path, source: entry ? 'catalog' : 'url', sizeBytes },
          ],
        }));
        this.deps.onChange();
      },
      () => this.deps.onChange(),
    );
  }

  /** Pauses a download (the part file is kept). */
  pause(id: string): void {
    this.downloads.pause(id);
  }

  /** Deletes a downloaded model's file, or forgets a picked one (never deleting the user's file). */
  async delete(id: string): Promise<void> {
    const stored = readLocalModels(this.deps.store);
    const file = stored.files.find((f) => f.id === id);
    if (!file) {
      await this.downloads.discard(id, this.folder);
      return;
    }
    if (this.engine.state().state !== 'stopped' && stored.selected === id) this.engine.stop();
    await forgetVocabulary(file.path);
    if (file.source !== 'file') await rm(file.path, { force: true });
    updateLocalModels(this.deps.store, (current) => ({
      ...current,
      selected: current.selected === id ? null : current.selected,
      files: current.files.filter((f) => f.id !== id),
    }));
  }

  /** Sets the idle unload. */
  setIdle(minutes: number): void {
    updateLocalModels(this.deps.store, (current) => ({ ...current, idleMinutes: minutes }));
    this.engine.touch();
  }

  /**
   * The config a model call uses: unchanged for any other provider; for "On this computer", the
   * engine's loopback address (started, or restarted after a crash, when needed) and its model.
   */
  async resolveConfig(config: ChatConfig): Promise<ChatConfig> {
    if (config.baseURL !== BUILTIN_BASE_URL) return config;
    const stored = readLocalModels(this.deps.store);
    const file = stored.files.find((f) => f.id === stored.selected);
    if (!file)
      throw new AppError('not_found', 'No model on this computer is chosen. Choose one in Settings.');
    const running = await this.engine.ensure(file.path, file.id);
    this.deps.models.recordReported([
      { id: file.id, contextWindow: running.model.contextWindow, maxOutput: null },
    ]);
    return { ...config, baseURL: running.baseURL, model: file.id };
  }

  /** The engine's token for a request to its address, else null (every other origin). */
  tokenFor(baseURL: string): string | null {
    return this.engine.tokenFor(baseURL);
  }

  /** The model's own counter when `modelId` is the running local model. */
  async counterFor(modelId: string): Promise<TokenCounter | null> {
    const state = this.engine.state();
    if (state.state !== 'ready' || state.model.id !== modelId) return null;
    return modelCounter(state.modelPath, state.model);
  }

  /** Stops the engine and every download (app shutdown). */
  close(): void {
    this.downloads.pauseAll();
    this.engine.stop();
  }
}
