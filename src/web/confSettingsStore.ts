import Conf from 'conf';
import { join } from 'node:path';
import type { KeyValueStore, StoredSettings } from '../core/ports';
import {
  SETTINGS_FILE_NAME,
  SETTINGS_FILE_OPTIONS,
  setAsideDamagedSettingsFile,
} from '../core/settingsFileSchema';

/** The browser host's settings file: `conf` in the data folder, same name and defaults as the app's. */
export function createConfSettingsStore(dataDir: string): KeyValueStore {
  setAsideDamagedSettingsFile(join(dataDir, `${SETTINGS_FILE_NAME}.json`));
  const conf = new Conf<Record<string, unknown>>({
    ...SETTINGS_FILE_OPTIONS,
    defaults: { ...SETTINGS_FILE_OPTIONS.defaults },
    cwd: dataDir,
    configName: SETTINGS_FILE_NAME,
  });
  return {
    get: <K extends keyof StoredSettings>(key: K) => conf.get(key) as StoredSettings[K] | undefined,
    set: (key, value) => (value === undefined ? conf.delete(key) : conf.set(key, value)),
    delete: (key) => conf.delete(key),
  };
}
