import { existsSync, readFileSync, renameSync } from 'node:fs';
import { DEFAULT_SETTINGS, type StoredSettings } from './ports';

/**
 * The small settings file, shared by the app (electron-store) and the browser host (`conf`, the
 * library electron-store is built on): same file name, same defaults, same options. No JSON schema
 * on purpose: `SettingsService` repairs a bad field on its own instead of wiping the whole file
 * (which would also lose the encrypted key).
 */

/** The file's base name (`settings.json`) inside the data folder. */
export const SETTINGS_FILE_NAME = 'settings';

/** What a first run writes. */
export const SETTINGS_FILE_DEFAULTS: StoredSettings = { settings: DEFAULT_SETTINGS };

/** Options both stores are created with (besides their name and folder). */
export const SETTINGS_FILE_OPTIONS = {
  defaults: SETTINGS_FILE_DEFAULTS,
  // Keys are whole names (`encryptedKey`), never paths.
  accessPropertiesByDotNotation: false,
  // Only the owner may read the file: it holds the encrypted key.
  configFileMode: 0o600,
  // A file that is not JSON at all is set aside first (below), then started afresh.
  clearInvalidConfig: true,
  // Reads come from memory instead of reading and parsing the file each time (dropped on every
  // write). What `get` returns is then the cache itself, frozen: callers copy, never change it.
  // Only this process writes the file, so a change made behind its back is not expected.
  cache: true,
} as const;

/**
 * Moves a settings file that is not valid JSON to `settings.json.damaged-<time>`, so starting
 * afresh never destroys the only copy. Returns the new path, or null when the file was fine.
 */
export function setAsideDamagedSettingsFile(path: string, now: Date = new Date()): string | null {
  if (!existsSync(path)) return null;
  try {
    JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
    return null;
  } catch {
    const aside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
    renameSync(path, aside);
    return aside;
  }
}
