import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { CorePorts } from '../ports';
import type { KeyVault } from '../settings/keyVault';
import type { SettingsService } from '../settings/settingsService';
import type { StoreNotice } from '../store';

type SettingsMethods =
  | 'app.info'
  | 'app.openExternal'
  | 'settings.get'
  | 'settings.update'
  | 'settings.setKey'
  | 'settings.clearKey'
  | 'settings.reuseKey';

/** Handlers for app facts, settings and the key. The key itself never leaves through them. */
export function settingsHandlers(
  ports: CorePorts,
  settings: SettingsService,
  vault: KeyVault,
  events: EventBus,
  notices: StoreNotice[],
): Pick<Handlers, SettingsMethods> {
  return {
    'app.info': async () => ({
      version: ports.version,
      host: ports.host,
      platform: ports.platform,
      dataDir: ports.dataDir,
      systemLanguage: ports.systemLanguage,
      notices: notices.map(({ kind, message, path }) => ({ kind, message, path })),
    }),
    'app.openExternal': async ({ url }) => {
      const parsed = new URL(url);
      if (parsed.protocol !== 'https:')
        throw new AppError('invalid_input', 'Only https: links can be opened.');
      if (!ports.openExternal) throw new AppError('invalid_input', 'This host cannot open links.');
      await ports.openExternal(parsed.toString());
      return { ok: true as const };
    },
    'settings.get': async () => ({ settings: settings.get(), key: await vault.status() }),
    'settings.update': async (patch) => {
      const next = settings.update(patch);
      events.emit('settings.changed', {});
      return next;
    },
    'settings.setKey': async ({ key, persist, allowPlainHttp }) => {
      // Bound to the Base URL saved now: the form saves the address first, then the key typed for it.
      const status = await vault.set(key, persist, {
        baseURL: settings.get().baseURL,
        plainHttpConfirmed: allowPlainHttp === true,
      });
      events.emit('settings.changed', {});
      return status;
    },
    'settings.clearKey': async () => {
      const status = await vault.clear();
      events.emit('settings.changed', {});
      return status;
    },
    'settings.reuseKey': async ({ baseURL }) => {
      const confirmed = await vault.reuseFor(baseURL);
      if (confirmed) {
        // Key and address move together, so the saved Base URL is always the one the key is for.
        settings.update({ baseURL });
        events.emit('settings.changed', {});
      }
      return { confirmed, key: await vault.status() };
    },
  };
}
