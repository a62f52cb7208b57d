import { AppError } from '../../shared/errors';
import type { Conversation } from '../../shared/schemas';
import type { ConversationStore } from '../store/types';

/**
 * A new conversation, with a persona when one is given: the conversation records it, and the
 * persona's opening message (if it has one) is its first message, a finished assistant message,
 * and the persona's provider (if it names one) is the conversation's.
 * A persona missing or in the Trash is `not_found` before anything is created.
 */
export function startConversation(
  store: ConversationStore,
  options: { title?: string; personaId?: string },
): Conversation {
  if (options.personaId === undefined) return store.createConversation({ title: options.title });
  const persona = store.personas.get(options.personaId);
  if (!persona) throw new AppError('not_found', `No persona with id ${options.personaId}.`);
  // Three short transactions rather than one: each store call is its own transaction, and the
  // worst a failure between them leaves is an empty conversation, which the user can delete.
  const created = store.createConversation({ title: options.title });
  let conversation = store.personas.setForConversation(created.id, persona.id);
  // The persona's provider, when it names one, is the conversation's from the start.
  if (persona.providerId) conversation = store.providerChoice.set(conversation.id, persona.providerId);
  const opening = persona.openingMessage.trim();
  if (!opening) return conversation;
  store.addMessage({
    conversationId: conversation.id,
    parentId: null,
    role: 'assistant',
    content: opening,
    status: 'done',
  });
  return store.getConversation(conversation.id);
}
