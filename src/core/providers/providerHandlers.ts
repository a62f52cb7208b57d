import type { Handlers } from '../dispatcher';
import type { NetworkService } from '../net/networkService';
import { detectLocalServers, type DetectionProbe } from './detectProviders';

/** What the provider handlers are built from. */
export interface ProviderHandlerDeps {
  network: NetworkService;
  /** The ports detection tries (default: the servers' own); a test host injects its own. */
  detectionProbes?: readonly DetectionProbe[];
}

/** Handlers for the proxy setting and the detection of local servers. */
export function providerHandlers(
  deps: ProviderHandlerDeps,
): Pick<Handlers, 'proxy.get' | 'proxy.set' | 'provider.detect'> {
  return {
    'proxy.get': async () => deps.network.view(),
    'proxy.set': async (input) => deps.network.set(input),
    'provider.detect': async () => ({ servers: await detectLocalServers(deps.detectionProbes) }),
  };
}
