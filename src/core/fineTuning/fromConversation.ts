import type { TrainingMessage } from '../../shared/fineTuningSchemas';
import { personaOf } from '../context/assemble';
import type { ConversationStore } from '../store/types';
import type { NewExample } from './trainingStore';

/**
 * One example from a conversation: the branch it shows (its active path, root to current leaf),
 * after the system prompt of its persona (or its own, when it has no persona). A message that
 * failed, or was stopped before it said anything, starts out excluded; an excluded message is
 * kept in the example so the user can bring it back.
 */
export function exampleFromConversation(store: ConversationStore, conversationId: string): NewExample {
  const view = store.getView(conversationId);
  const leaf = view.messages.at(-1);
  // The page carries only the head of a very long message: the path reads every message whole.
  const path = leaf ? store.getPath(leaf.id) : [];
  const persona = personaOf(store, view.conversation);
  const system = (persona?.systemPrompt ?? view.conversation.systemPrompt).trim();
  const messages: TrainingMessage[] = [];
  if (system) messages.push({ role: 'system', content: system, excluded: false, weight: 1 });
  for (const message of path) {
    const unusable = message.status === 'error' || !message.content.trim();
    messages.push({ role: message.role, content: message.content, excluded: unusable, weight: 1 });
  }
  return {
    source: 'conversation',
    label: view.conversation.title || conversationId,
    conversationId,
    messages,
    raw: null,
  };
}
