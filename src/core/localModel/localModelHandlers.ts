import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { SettingsService } from '../settings/settingsService';
import type { LocalModelService } from './localModelService';

type LocalModelMethods =
  | 'localModel.get'
  | 'localModel.use'
  | 'localModel.addFile'
  | 'localModel.download'
  | 'localModel.pause'
  | 'localModel.delete'
  | 'localModel.setIdle'
  | 'localModel.unload';

/** Handlers of "On this computer"; without an engine (no spawn port) every call says so. */
export function localModelHandlers(
  service: LocalModelService | null,
  settings: SettingsService,
  events: EventBus,
): Pick<Handlers, LocalModelMethods> {
  const need = (): LocalModelService => {
    if (!service) throw new Error('Models on this computer are not available in this host.');
    return service;
  };
  return {
    'localModel.get': async () => need().view(),
    'localModel.use': async (input) => {
      need().use(input.id);
      events.emit('settings.changed', {});
      return settings.get();
    },
    'localModel.addFile': async (input) => {
      await need().addFile(input.path);
      return need().view();
    },
    'localModel.download': async (input) => {
      need().download(input);
      return need().view();
    },
    'localModel.pause': async (input) => {
      need().pause(input.id);
      return need().view();
    },
    'localModel.delete': async (input) => {
      await need().delete(input.id);
      return need().view();
    },
    'localModel.setIdle': async (input) => {
      need().setIdle(input.minutes);
      return need().view();
    },
    'localModel.unload': async () => {
      need().engine.stop();
      return { ok: true as const };
    },
  };
}
