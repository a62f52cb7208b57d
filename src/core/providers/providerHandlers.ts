import type { Handlers } from '../dispatcher';
import type { KeyValueStore } from '../ports';
import type { SettingsService } from '../settings/settingsService';
import type { KeyVault } from '../settings/keyVault';
import { detectLocalServers, type DetectionProbe } from './detectProviders';
import { addLocalProvider } from './localProviders';
import { providerEditHandlers, type ProviderEditDeps } from './providerEditHandlers';
import { listProviders } from './providerView';

/** What the provider handlers are built from. */
export interface ProviderHandlerDeps extends ProviderEditDeps {
  settings: SettingsService;
  /** The settings file, where local servers added without a key are remembered. */
  store: KeyValueStore;
  vault: KeyVault;
  /** The ports detection tries (default: the servers' own); a test host injects its own. */
  detectionProbes?: readonly DetectionProbe[];
}

/** Handlers for the proxy, the detection of local servers, and the saved providers. */
export function providerHandlers(
  deps: ProviderHandlerDeps,
): Pick<
  Handlers,
  | 'proxy.get'
  | 'proxy.set'
  | 'provider.detect'
  | 'provider.addLocal'
  | 'provider.list'
  | 'provider.use'
  | keyof ReturnType<typeof providerEditHandlers>
> {
  return {
    'proxy.get': async () => deps.network.view(),
    'proxy.set': async (input) => deps.network.set(input),
    'provider.detect': async () => ({ servers: await detectLocalServers(deps.detectionProbes) }),
    'provider.addLocal': async (input) => {
      addLocalProvider(deps.store, deps.settings, deps.providers, input);
      deps.events.emit('settings.changed', {});
      return deps.settings.get();
    },
    'provider.list': async () => listProviders({ ...deps, choices: deps.library.providerChoice }),
    'provider.use': async (input) => {
      deps.providers.use(input.id);
      deps.events.emit('settings.changed', {});
      return deps.settings.get();
    },
    ...providerEditHandlers(deps),
  };
}
