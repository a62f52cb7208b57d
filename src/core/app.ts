import { join } from 'node:path';
import { ChatService } from './chat/chatService';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './events';
import { ContextService } from './context/contextService';
import { ModelTableService } from './context/modelTableService';
import { contextHandlers } from './handlers/contextHandlers';
import { conversationHandlers } from './handlers/conversationHandlers';
import { journalHandlers } from './handlers/journalHandlers';
import { fineTuningHandlers } from './handlers/fineTuningHandlers';
import { FineTuneJobs } from './fineTuning/fineTuneJobs';
import { TrainingSet } from './fineTuning/trainingSet';
import { youngerSelfHandlers } from './handlers/youngerSelfHandlers';
import { createPeriodSummaryMaker } from './youngerSelf/summaryService';
import { libraryHandlers } from './handlers/libraryHandlers';
import { journalJobInWorker, runJournalJob } from './importers/journalJob';
import { personaHandlers } from './handlers/personaHandlers';
import { parseInProcess, parseInWorker } from './importers/parser';
import { settingsHandlers } from './handlers/settingsHandlers';
import { shellHandlers } from './handlers/shellHandlers';
import { preparePersonas } from './personas/preparePersonas';
import type { CorePorts } from './ports';
import { NetworkService } from './net/networkService';
import { createCredentialsFor } from './providers/credentials';
import { configForProvider } from './providers/providerConfig';
import { ProviderKeys } from './providers/providerKeys';
import { BUILTIN_BASE_URL } from '../shared/builtinProvider';
import { localModelHandlers } from './localModel/localModelHandlers';
import { engineFetch } from './localModel/localEngine';
import { LocalModelService } from './localModel/localModelService';
import { providerHandlers } from './providers/providerHandlers';
import { ProviderStore } from './providers/providerStore';
import { migrateSettingsFile } from './providers/settingsMigration';
import { KeyVault } from './settings/keyVault';
import { SettingsService } from './settings/settingsService';
import { QuickChatShortcut } from './shell/quickChatShortcut';
import { ShellService } from './shell/shellService';
import { SETTINGS_FILE_NAME } from './settingsFileSchema';
import { openConversationStore, type StoreNotice } from './store';
import { tightenDataFolder } from './store/privateFiles';

/** Penpal's core, ready to be served by any transport. */
export interface Core {
  dispatcher: Dispatcher;
  events: EventBus;
  /** What the user must be told at start (a database set aside, a migration backup). */
  notices: StoreNotice[];
  /** Stops every stream (marking it interrupted) and closes the database. */
  close(): Promise<void>;
}

/** Core as `createCore` builds it, with the pieces the app's main process also drives. */
export interface AppCore extends Core {
  /** The shell's settings and the main window's place. */
  shell: ShellService;
  /** The quick-chat shortcut, registered at start through `ports.hotkeys` (when given). */
  shortcut: QuickChatShortcut;
}

/** The database file inside the data folder. */
export const DATABASE_FILE = 'penpal.sqlite';

// Penpal's files in the data folder: the database and everything named after it (WAL, set-aside
// copies, check flag) and the settings file with its set-aside copies.
const isOwnFile = (name: string): boolean =>
  name.startsWith('penpal.') || name.startsWith(`${SETTINGS_FILE_NAME}.json`);

/** Builds core from the platform's ports: store, settings, key vault, chat, and every handler. */
export async function createCore(ports: CorePorts): Promise<AppCore> {
  // Owner-only (0700, files 0600), and tightened if an older version left it readable by others.
  tightenDataFolder(ports.dataDir, isOwnFile);
  const now = (): Date => ports.clock?.now() ?? new Date();
  const { store, notices } = openConversationStore({
    path: join(ports.dataDir, DATABASE_FILE),
    clock: ports.clock,
  });
  // A crash or a killed process may have left answers half-written: keep them, marked.
  store.recoverInterrupted();

  const spawnImportWorker = ports.spawnImportWorker?.bind(ports);
  const events = createEventBus();
  const settings = new SettingsService(ports.settingsStore);
  // Version 2 of the settings file: today's endpoint becomes the provider "default", key kept.
  migrateSettingsFile(ports.settingsStore, settings);
  const providers = new ProviderStore(ports.settingsStore, settings);
  const vault = new KeyVault(ports.cipher, ports.settingsStore, {
    savedBaseURL: () => settings.get().baseURL,
    confirmKeyReuse: ports.confirmKeyReuse?.bind(ports),
  });
  notices.push(
    ...preparePersonas(store, {
      uiLanguage: settings.get().language,
      systemLanguage: ports.systemLanguage,
      databasePath: join(ports.dataDir, DATABASE_FILE),
    }),
  );
  const models = new ModelTableService(ports.settingsStore, () => events.emit('models.changed', {}));
  // Every model call made by main goes through this fetch: the system's network, or the user's proxy.
  const network = new NetworkService(ports.settingsStore, ports.cipher, ports.fetch);
  // "On this computer": the engine process behind a loopback OpenAI-compatible API.
  const local = ports.spawnLocalEngine
    ? new LocalModelService({
        store: ports.settingsStore,
        settings,
        providers,
        models,
        dataDir: ports.dataDir,
        spawn: ports.spawnLocalEngine,
        contextSize: ports.localEngineContextSize,
        threads: ports.localEngineThreads,
        paceMs: ports.localEnginePaceMs,
        catalog: ports.localModelCatalog,
        fetch: network.fetch,
        onChange: () => events.emit('localModel.changed', {}),
      })
    : null;
  // A conversation answers with the provider it chose (v8), else with the provider in use; "On this
  // computer" resolves to the engine's loopback address (starting it if need be).
  const getConfig = async (conversationId?: string) => {
    const config = configForProvider(
      providers,
      settings.get(),
      conversationId === undefined ? null : store.getConversation(conversationId).providerId,
    );
    return local ? local.resolveConfig(config) : config;
  };
  const providerKeys = new ProviderKeys(ports.cipher, providers);
  const providerCredentials = createCredentialsFor({
    vault,
    keys: providerKeys,
    providers,
    store: ports.settingsStore,
  });
  // The only way chat, models, titles, summaries and tests get a key: each provider's own key and
  // the settings' key go only to the origin they are bound to; a local server added without a
  // key gets a placeholder; the engine on this computer gets its own random token, never a key.
  const credentialsFor = async (baseURL: string, providerId?: string) =>
    local?.tokenFor(baseURL) ?? providerCredentials(baseURL, providerId);
  // The engine is on loopback: it is called directly, never through the user's proxy.
  const localFetch = local ? engineFetch(local.engine) : null;
  const modelFetch: typeof globalThis.fetch = (input, init) =>
    localFetch && local?.tokenFor(input instanceof Request ? input.url : String(input))
      ? localFetch(input, init)
      : network.fetch(input, init);
  const counterFor = local ? (modelId: string) => local.counterFor(modelId) : undefined;
  const chat = new ChatService({
    fetch: modelFetch,
    counterFor,
    store,
    events,
    models,
    idleTimeoutMs: ports.streamIdleTimeoutMs,
    getConfig,
    credentialsFor,
    // A stream without usage is counted by Penpal; the provider's list says so from then on.
    onStreamUsage: (providerId, reported) => providers.noteStreamUsage(providerId, reported),
  });
  const shutdownSignal = new AbortController();
  const context = new ContextService({
    store,
    models,
    getConfig,
    credentialsFor,
    fetch: modelFetch,
    counterFor,
    signal: shutdownSignal.signal,
  });

  // Fine-tuning goes to the provider in use, with its key from credentialsFor like every model call.
  const trainingSet = new TrainingSet(store, models);
  const fineTuneJobs = new FineTuneJobs({
    store,
    events,
    baseURL: async () => settings.get().baseURL,
    credentialsFor,
    fetch: network.fetch,
    pollMs: ports.fineTunePollMs,
    now,
  });
  fineTuneJobs.resume();

  const shell = new ShellService(ports.settingsStore);
  const shortcut = new QuickChatShortcut(ports.hotkeys);
  shortcut.start(shell.settings().quickChatShortcut);

  const handlers: Handlers = {
    ...settingsHandlers(ports, settings, vault, events, notices),
    ...conversationHandlers(store, events),
    ...contextHandlers({ store, events, context, models }),
    ...personaHandlers(store, events),
    ...shellHandlers({ ports, shell, shortcut, store, events }),
    ...libraryHandlers(
      store,
      events,
      now,
      spawnImportWorker ? parseInWorker(spawnImportWorker) : parseInProcess,
    ),
    ...journalHandlers(
      store,
      events,
      spawnImportWorker ? journalJobInWorker(spawnImportWorker) : runJournalJob,
    ),
    ...youngerSelfHandlers(
      store,
      events,
      createPeriodSummaryMaker({
        store,
        events,
        models,
        getConfig,
        credentialsFor,
        // modelFetch: a conversation on "On this computer" reaches the engine directly, never the proxy.
        fetch: modelFetch,
        signal: shutdownSignal.signal,
      }),
    ),
    ...providerHandlers({
      network,
      settings,
      store: ports.settingsStore,
      events,
      providers,
      keys: providerKeys,
      vault,
      library: store,
      models,
      credentialsFor,
      now,
      detectionProbes: ports.detectionProbes,
    }),
    ...fineTuningHandlers(trainingSet, fineTuneJobs, events),
    // The server's list, plus the models Penpal's own jobs made there (a provider may list them late).
    'models.list': async () => {
      const listed = await chat.listModels();
      const tuned = fineTuneJobs.modelsAt(settings.get().baseURL).filter((id) => !listed.includes(id));
      return { models: [...listed, ...tuned] };
    },
    ...localModelHandlers(local, settings, events),
    // The form's Base URL for "On this computer" is the placeholder: test the engine behind it.
    'settings.testConnection': async (input) =>
      chat.testConnection(
        input.baseURL?.trim() === BUILTIN_BASE_URL ? { ...input, baseURL: undefined, key: undefined } : input,
      ),
    'chat.send': async (input) => chat.send(input),
    'chat.edit': async (input) => chat.edit(input),
    'chat.regenerate': async (input) => chat.regenerate(input),
    'chat.stop': async (input) => {
      chat.stop(input);
      return { ok: true as const };
    },
  };

  let closed = false;
  return {
    dispatcher: createDispatcher(handlers),
    events,
    notices,
    shell,
    shortcut,
    async close() {
      if (closed) return;
      closed = true;
      shortcut.stop();
      shutdownSignal.abort();
      fineTuneJobs.close();
      await chat.shutdown();
      local?.close();
      await network.close();
      store.close();
    },
  };
}
