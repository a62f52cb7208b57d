import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { ModelTableService } from '../context/modelTableService';
import type { NetworkService } from '../net/networkService';
import type { ConversationStore } from '../store/types';
import { checkCapabilities } from './capabilities';
import { listProviders, type ProviderViewSources } from './providerView';
import type { ProviderKeys } from './providerKeys';
import type { ProviderStore } from './providerStore';

/** What "Add provider", its edits, keys and checks, and the conversation's choice are built from. */
export interface ProviderEditDeps extends Omit<ProviderViewSources, 'choices'> {
  providers: ProviderStore;
  keys: ProviderKeys;
  library: ConversationStore;
  events: EventBus;
  network: NetworkService;
  models?: ModelTableService;
  /** The one function keys come from (see `createCredentialsFor`). */
  credentialsFor(baseURL: string, providerId?: string): Promise<string>;
  now(): Date;
}

type EditMethods =
  | 'provider.add'
  | 'provider.update'
  | 'provider.remove'
  | 'provider.restore'
  | 'provider.setKey'
  | 'provider.clearKey'
  | 'provider.check'
  | 'conversation.setProvider';

/** Handlers that add, edit and remove providers, hold their keys, and pick one per conversation. */
export function providerEditHandlers(deps: ProviderEditDeps): Pick<Handlers, EditMethods> {
  const list = () => listProviders({ ...deps, choices: deps.library.providerChoice });
  const changed = () => deps.events.emit('settings.changed', {});
  return {
    'provider.add': async ({ key, ...fields }) => {
      const id = deps.providers.add(fields);
      if (key) {
        try {
          await deps.keys.set(id, key.key, key.allowPlainHttp);
        } catch (error) {
          // All or nothing: a key that cannot be saved there leaves no half-added provider.
          deps.providers.remove(id);
          throw error;
        }
      }
      changed();
      return { ...(await list()), id };
    },
    'provider.update': async ({ id, ...patch }) => {
      deps.providers.update(id, patch);
      changed();
      return list();
    },
    'provider.remove': async ({ id }) => {
      const switchedTo = deps.providers.remove(id);
      changed();
      // Their conversations keep the choice (adding the address again brings it back) and answer
      // with the provider in use meanwhile.
      const conversations = deps.library.providerChoice.usage().get(id) ?? 0;
      return { ...(await list()), switchedTo, conversations };
    },
    'provider.restore': async ({ id }) => {
      deps.providers.restore(id);
      changed();
      return list();
    },
    'provider.setKey': async ({ id, key, allowPlainHttp }) => {
      await deps.keys.set(id, key, allowPlainHttp);
      changed();
      return list();
    },
    'provider.clearKey': async ({ id }) => {
      deps.keys.clear(id);
      changed();
      return list();
    },
    'provider.check': async ({ id }) => {
      const provider = deps.providers.get(id);
      if (!provider) throw notFound();
      const capabilities = await checkCapabilities({
        baseURL: provider.baseURL,
        apiKey: await deps.credentialsFor(provider.baseURL, provider.id),
        model: provider.defaultModel,
        fetch: deps.network.fetch,
        onReported: (models) => {
          try {
            deps.models?.recordReported(models);
          } catch {
            // The model table is a help; the check's own answer still comes back.
          }
        },
        now: deps.now,
      });
      deps.providers.patch(id, (p) => ({ ...p, capabilities }));
      changed();
      return capabilities;
    },
    'conversation.setProvider': async ({ id, providerId }) => {
      if (providerId !== null && !deps.providers.get(providerId)) throw notFound();
      const conversation = deps.library.providerChoice.set(id, providerId);
      deps.events.emit('conversation.changed', { id });
      return conversation;
    },
  };
}

function notFound(): Error {
  return new AppError('not_found', 'There is no such provider (it may have been removed).');
}
