import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { NetworkService } from '../net/networkService';
import type { KeyValueStore } from '../ports';
import type { SettingsService } from '../settings/settingsService';
import { detectLocalServers, type DetectionProbe } from './detectProviders';
import { addLocalProvider } from './localProviders';
import type { ProviderStore } from './providerStore';

/** What the provider handlers are built from. */
export interface ProviderHandlerDeps {
  network: NetworkService;
  settings: SettingsService;
  /** The settings file, where local servers added without a key are remembered. */
  store: KeyValueStore;
  events: EventBus;
  providers: ProviderStore;
  /** The ports detection tries (default: the servers' own); a test host injects its own. */
  detectionProbes?: readonly DetectionProbe[];
}

/** Handlers for the proxy setting, the detection of local servers and adding one. */
export function providerHandlers(
  deps: ProviderHandlerDeps,
): Pick<
  Handlers,
  'proxy.get' | 'proxy.set' | 'provider.detect' | 'provider.addLocal' | 'provider.list' | 'provider.use'
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
    'provider.list': async () => ({ providers: deps.providers.list() }),
    'provider.use': async (input) => {
      deps.providers.use(input.id);
      deps.events.emit('settings.changed', {});
      return deps.settings.get();
    },
  };
}
