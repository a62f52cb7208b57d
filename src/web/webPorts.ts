import { homedir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import packageJson from '../../package.json' with { type: 'json' };
import type { CorePorts } from '../core/ports';
import { createEnvProxyFetch } from '../core/net/envProxyFetch';
import { z } from 'zod';
import type { CatalogModel } from '../core/localModel/catalog';
import { spawnSourceEngine } from '../core/localModel/spawnNode';
import { CatalogModelSchema } from '../shared/contract/localModel';
import { probesFromEnv } from '../core/providers/detectProviders';
import { createConfSettingsStore } from './confSettingsStore';
import { createHostCipher } from './hostCipher';

/** Builds core's ports for the browser host: host cipher, `conf` settings, OS language. */
export function createWebPorts(dataDir: string, overrides: Partial<CorePorts> = {}): CorePorts {
  return {
    dataDir,
    cipher: createHostCipher(dataDir),
    settingsStore: createConfSettingsStore(dataDir),
    host: 'web',
    version: packageJson.version,
    platform: process.platform,
    systemLanguage: systemLanguage(process.env),
    spawnImportWorker: spawnSourceImportWorker,
    spawnLocalEngine: spawnSourceEngine,
    // Tests on a shared machine run the engine on one thread (llama.cpp's threads spin otherwise).
    localEngineThreads: positiveInt(process.env.PENPAL_ENGINE_THREADS),
    localEnginePaceMs: positiveInt(process.env.PENPAL_ENGINE_PACE_MS),
    // Tests list a model served from loopback (a JSON array of catalog entries); nothing else reads this.
    localModelCatalog: catalogFromEnv(process.env.PENPAL_MODEL_CATALOG),
    // Tests point detection at servers of their own (`ollama=45123`); nothing else reads this.
    detectionProbes: probesFromEnv(process.env.PENPAL_DETECT_PORTS) ?? undefined,
    // "System proxy" (the Proxy field empty) is the environment's HTTP(S)_PROXY / NO_PROXY here.
    fetch: createEnvProxyFetch(process.env).fetch,
    // Tests poll fine-tuning jobs every few hundred ms instead of every 15 s.
    fineTunePollMs: Number(process.env.PENPAL_FT_POLL_MS) || undefined,
    ...overrides,
  };
}

/**
 * The user's language as a BCP 47 tag: from `LC_ALL`/`LC_MESSAGES`/`LANG` (`zh_CN.UTF-8` →
 * `zh-CN`), else from `Intl`. `C` and `POSIX` mean "not set".
 */
export function systemLanguage(env: NodeJS.ProcessEnv): string {
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name]?.split('.')[0]?.split('@')[0]?.trim();
    if (value && value !== 'C' && value !== 'POSIX') return value.replace('_', '-');
  }
  return Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
}

/**
 * Where the browser host keeps its data unless `PENPAL_DATA_DIR` says otherwise: a `penpal-web`
 * folder in the user's data folder (next to, never inside, the desktop app's).
 */
export function defaultWebDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'penpal-web');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'penpal-web');
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'penpal-web');
}

/**
 * The import worker from its TypeScript source, for the browser host and tests (which run the
 * sources through tsx); the app runs the worker file electron-vite builds.
 */
export function spawnSourceImportWorker(): Worker {
  return new Worker(new URL('../core/importers/worker.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
  });
}

/** A positive integer from an environment variable, else undefined. */
function positiveInt(value: string | undefined): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Catalog entries from `PENPAL_MODEL_CATALOG` (tests), checked with the contract's schema. */
function catalogFromEnv(value: string | undefined): CatalogModel[] | undefined {
  if (!value) return undefined;
  const parsed = z.array(CatalogModelSchema).safeParse(JSON.parse(value));
  return parsed.success ? parsed.data : undefined;
}
