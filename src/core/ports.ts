import type { Worker } from 'node:worker_threads';
import type { DetectionProbe } from './providers/detectProviders';
import type { CatalogModel } from './localModel/catalog';
import type { SpawnEngine } from './localModel/localEngine';
import type { ModelInfo } from '../shared/contextSchemas';
import type { Settings } from '../shared/schemas';
import type { ProviderCapabilities, ProviderKind } from '../shared/contract/providerSchemas';

/**
 * What core needs from the platform, passed in by the Electron main process, the browser host or
 * a test. Core never imports `electron`.
 */

/**
 * Encrypts the API key at rest: `safeStorage` in the app (its asynchronous API), a host-only
 * cipher in the browser host. Every call may wait on the OS keychain.
 */
export interface SecretCipher {
  /** The backend's name, e.g. `keychain`, `dpapi`, `gnome_libsecret`, `basic_text`, `host`. */
  readonly backend: string;
  /** False when encryption is unavailable or only obfuscation (Linux `basic_text`). */
  isSecure(): Promise<boolean>;
  /** Encrypts to a base64 string. */
  encrypt(plain: string): Promise<string>;
  /**
   * Decrypts what `encrypt` produced; rejects when it cannot. `stale` says the keychain has
   * rotated its key, so the caller should encrypt the text again and store the new form.
   */
  decrypt(cipherText: string): Promise<{ plain: string; stale: boolean }>;
}

/** What is kept in the small settings file (electron-store in the app, `conf` in the browser host). */
export interface StoredSettings {
  settings: Settings;
  /** The API key encrypted by the SecretCipher, base64; absent when none is saved. */
  encryptedKey?: string;
  /** The model table's own entries: the user's edits and the windows servers reported (validated on read). */
  modelTable?: { user: ModelInfo[]; server: ModelInfo[] };
  /** Where the saved key may be sent; absent for a key saved before keys were bound (see KeyVault). */
  keyBinding?: KeyBinding;
  /** The user's proxy for model calls (absent: the system proxy); the password only encrypted. */
  proxy?: StoredProxy;
  /** Origins of local servers added without a key (see `addLocalProvider`). */
  keylessOrigins?: string[];
  /** The settings file's format (absent: 1, a single endpoint); see `migrateSettingsFile`. */
  version?: number;
  /** The endpoints the user saved; the one whose Base URL is in `settings` is in use. */
  providers?: StoredProvider[];
  /** Providers removed lately, newest last, with their encrypted keys: what Undo puts back. */
  removedProviders?: StoredProvider[];
  /** The desktop shell's settings and the main window's place (validated on read by ShellService). */
  shell?: unknown;
  /** The models on this computer, the one in use and the idle unload (validated on read by LocalModelService). */
  localModel?: unknown;
}

/** One saved endpoint (a provider): OpenAI, a local server, or any OpenAI-compatible URL. */
export interface StoredProvider {
  id: string;
  name: string;
  kind: ProviderKind;
  baseURL: string;
  /** The model chat uses when this provider is picked ('' = keep the current one). */
  defaultModel: string;
  /** A local server added without a key: it gets a placeholder, never the saved key. */
  keyless: boolean;
  /** This provider's own API key, encrypted by the SecretCipher (see `ProviderKeys`). */
  encryptedKey?: string;
  /** Where this provider's own key may go: the origin of its address when the key was saved. */
  keyBinding?: KeyBinding;
  /** What the last "Check" found the server can do (absent: never checked). */
  capabilities?: ProviderCapabilities;
}

/** The "Proxy" and "Bypass" settings as saved: the URL without its password, which is kept encrypted apart. */
export interface StoredProxy {
  /** `http://user@host:port`, `https://…` or `socks5://…`, never with a password. */
  url: string;
  /** Hosts that connect directly: `localhost, *.example.com, 10.0.0.0/8`. */
  bypass: string;
  /** The proxy password encrypted by the SecretCipher, base64. */
  encryptedPassword?: string;
}

/** The one address a saved key may be sent to, and whether the user accepted plain http there. */
export interface KeyBinding {
  /** The origin (scheme, host, port) of the Base URL the key was saved for, e.g. `https://api.openai.com`. */
  origin: string;
  /** The user confirmed sending the key unencrypted to this (public, `http:`) origin. */
  plainHttpConfirmed: boolean;
}

/** The subset of electron-store's / conf's API core uses, so both (and a Map in tests) fit. */
export interface KeyValueStore {
  get<K extends keyof StoredSettings>(key: K): StoredSettings[K] | undefined;
  set<K extends keyof StoredSettings>(key: K, value: StoredSettings[K]): void;
  delete(key: keyof StoredSettings): void;
}

/** System-wide keyboard shortcuts (`globalShortcut` in the app). */
export interface HotkeysPort {
  /** False when the system or another app already holds the accelerator. */
  register(accelerator: string): boolean;
  unregister(accelerator: string): void;
}

/** What only a desktop host does: windows, the tray, login items. Absent in the browser host. */
export interface DesktopShellPort {
  setLaunchAtLogin(enabled: boolean): void;
  hideQuickWindow(): void;
  /** Brings the main window to the front (the renderer there opens the conversation). */
  showMainWindow(): void;
}

/** The source of "now"; a test can pin it. */
export interface Clock {
  now(): Date;
}

/** Everything core is built from. */
export interface CorePorts {
  /** Folder for the database and its backups. */
  dataDir: string;
  cipher: SecretCipher;
  settingsStore: KeyValueStore;
  host: 'electron' | 'web' | 'test';
  version: string;
  platform: string;
  /** The OS language (e.g. `zh-CN`), which the UI follows when set to "system". */
  systemLanguage: string;
  clock?: Clock;
  /**
   * Asks the user, outside the renderer (a native dialog in the app), whether the saved key may be
   * sent to a new origin. The contract cannot answer it; a host without it (the browser host) makes
   * the user type the key again instead. `plainHttp`: the new origin would get the key unencrypted.
   */
  confirmKeyReuse?(request: { from: string; to: string; plainHttp: boolean }): Promise<boolean>;
  /**
   * The fetch model calls use when no proxy is set: Electron's `net.fetch` in the app (the system
   * proxy settings apply). Default: Node's fetch.
   */
  fetch?: typeof globalThis.fetch;
  /** Where detection looks for local servers (default: their own ports); only tests change it. */
  detectionProbes?: readonly DetectionProbe[];
  /** Opens an https: URL in the system browser (`shell.openExternal` in the app). */
  openExternal?(url: string): Promise<void>;
  /**
   * Starts a worker thread running `core/importers/worker.ts` (built to its own file in the app),
   * so imports are parsed off the main thread. Without it, imports are parsed in process.
   */
  spawnImportWorker?(): Worker;
  /**
   * Starts the model engine's process (`core/localModel/engineChild.ts`: Electron's
   * `utilityProcess` in the app, a Node child in the browser host). Without it there is no
   * "On this computer" provider.
   */
  spawnLocalEngine?: SpawnEngine;
  /** The engine's window, smaller than the model's (tests: 256 tokens). */
  localEngineContextSize?: number;
  /** The engine's CPU threads (tests on a shared machine: 1; absent: every core). */
  localEngineThreads?: number;
  /** Milliseconds between the engine's streamed pieces (browser-host tests, so Stop can be pressed). */
  localEnginePaceMs?: number;
  /** The curated model list (default: `localModel/catalog.ts`); tests serve their own from loopback. */
  localModelCatalog?: readonly CatalogModel[];
  /** Global hotkeys for the quick-chat window (the app only). */
  hotkeys?: HotkeysPort;
  /** The app's windows and login item (the app only). */
  desktop?: DesktopShellPort;
  /** Overrides for tests: how long a stream may stay silent before it counts as stalled. */
  streamIdleTimeoutMs?: number;
  /** Overrides for tests: the gap between two polls of the fine-tuning jobs under way. */
  fineTunePollMs?: number;
}

/** The defaults a first run starts with. */
export const DEFAULT_SETTINGS: Settings = {
  baseURL: 'https://api.openai.com/v1',
  model: 'gpt-4o-mini',
  temperature: 1,
  topP: 1,
  maxTokens: null,
  systemPrompt: '',
  language: 'system',
  autoTitle: true,
};
