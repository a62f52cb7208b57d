import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import { personaFile, readPersonaFile } from '../personas/personaFile';
import type { ConversationStore } from '../store/types';

type PersonaMethods =
  | 'persona.list'
  | 'persona.create'
  | 'persona.update'
  | 'persona.delete'
  | 'persona.restore'
  | 'persona.export'
  | 'persona.import'
  | 'conversation.setPersona';

/** Handlers for the persona library and a conversation's persona; each change is announced. */
export function personaHandlers(store: ConversationStore, events: EventBus): Pick<Handlers, PersonaMethods> {
  const { personas } = store;
  const changed = <T>(result: T): T => {
    events.emit('personas.changed', {});
    return result;
  };
  return {
    'persona.list': async () => personas.list().personas,
    'persona.create': async (fields) => changed(personas.create(fields)),
    'persona.update': async ({ id, fields }) => changed(personas.update(id, fields)),
    'persona.delete': async ({ id }) => {
      personas.delete(id);
      return changed({ ok: true as const });
    },
    'persona.restore': async ({ id }) => changed(personas.restore(id)),
    'persona.export': async ({ id }) => {
      const list = personas.list().personas;
      if (id === undefined) return personaFile(list, false);
      const one = personas.get(id);
      if (!one) throw new AppError('not_found', `No persona with id ${id}.`);
      return personaFile([one], true);
    },
    'persona.import': async ({ name, text }) =>
      changed({ added: personas.addAll(readPersonaFile(name, text)) }),
    'conversation.setPersona': async ({ id, personaId }) => {
      const conversation = personas.setForConversation(id, personaId);
      events.emit('conversation.changed', { id });
      events.emit('library.changed', {});
      return conversation;
    },
  };
}
