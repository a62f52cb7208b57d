import { join } from 'node:path';
import { ChatService } from './chat/chatService';
import { createDispatcher, type Dispatcher, type Handlers } from './dispatcher';
import { createEventBus, type EventBus } from './events';
import { ContextService } from './context/contextService';
import { ModelTableService } from './context/modelTableService';
import { contextHandlers } from './handlers/contextHandlers';
import { conversationHandlers } from './handlers/conversationHandlers';
import { journalHandlers } from './handlers/journalHandlers';
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
import { keylessKeyFor } from './providers/localProviders';
import { providerHandlers } from './providers/providerHandlers';
import { migrateSettingsFile, ProviderStore } from './providers/providerStore';
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
  const getConfig = async () => settings.get();
  // The only way chat, models, titles, summaries and tests get the saved key: checked against its binding.
  // A local server the user added without a key gets a placeholder, never the saved key.
  const credentialsFor = (baseURL: string) =>
    vault.keyFor(baseURL).catch((error: unknown) => keylessKeyFor(ports.settingsStore, baseURL, error));
  // Every model call made by main goes through this fetch: the system's network, or the user's proxy.
  const network = new NetworkService(ports.settingsStore, ports.cipher, ports.fetch);
  const chat = new ChatService({
    fetch: network.fetch,
    store,
    events,
    models,
    idleTimeoutMs: ports.streamIdleTimeoutMs,
    getConfig,
    credentialsFor,
  });
  const shutdownSignal = new AbortController();
  const context = new ContextService({
    store,
    models,
    getConfig,
    credentialsFor,
    fetch: network.fetch,
    signal: shutdownSignal.signal,
  });

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
        fetch: network.fetch,
        signal: shutdownSignal.signal,
      }),
    ),
    ...providerHandlers({
      network,
      settings,
      store: ports.settingsStore,
      events,
      providers,
      detectionProbes: ports.detectionProbes,
    }),
    'settings.testConnection': async (input) => chat.testConnection(input),
    'models.list': async () => ({ models: await chat.listModels() }),
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
      await chat.shutdown();
      await network.close();
      store.close();
    },
  };
}
