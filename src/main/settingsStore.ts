import Store from 'electron-store';
import { join } from 'node:path';
import type { KeyValueStore, StoredSettings } from '../core/ports';
import {
  SETTINGS_FILE_NAME,
  SETTINGS_FILE_OPTIONS,
  setAsideDamagedSettingsFile,
} from '../core/settingsFileSchema';

/** The app's settings file: electron-store in the user-data folder, same name and defaults as the browser host's. */
export function createElectronSettingsStore(dataDir: string): KeyValueStore {
  setAsideDamagedSettingsFile(join(dataDir, `${SETTINGS_FILE_NAME}.json`));
  const store = new Store<Record<string, unknown>>({
    ...SETTINGS_FILE_OPTIONS,
    defaults: { ...SETTINGS_FILE_OPTIONS.defaults },
    cwd: dataDir,
    name: SETTINGS_FILE_NAME,
  });
  return {
    get: <K extends keyof StoredSettings>(key: K) => store.get(key) as StoredSettings[K] | undefined,
    set: (key, value) => (value === undefined ? store.delete(key) : store.set(key, value)),
    delete: (key) => store.delete(key),
  };
}
