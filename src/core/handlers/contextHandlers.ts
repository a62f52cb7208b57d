import type { ContextService } from '../context/contextService';
import type { ModelTableService } from '../context/modelTableService';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';

type ContextMethods =
  | 'chat.previewContext'
  | 'conversation.setMemory'
  | 'message.setContextBreak'
  | 'summary.update'
  | 'summary.refresh'
  | 'models.table'
  | 'models.setInfo'
  | 'models.resetInfo'
  | 'usage.conversation'
  | 'usage.monthly';

/** Handlers for the context, the model table and usage (personas: personaHandlers.ts). */
export function contextHandlers(deps: {
  store: ConversationStore;
  events: EventBus;
  context: ContextService;
  models: ModelTableService;
}): Pick<Handlers, ContextMethods> {
  const { store, events, context, models } = deps;
  const changed = (id: string): void => events.emit('conversation.changed', { id });
  return {
    'chat.previewContext': async (input) => context.preview(input),
    'conversation.setMemory': async ({ id, memory }) => {
      const conversation = store.setMemory(id, memory);
      changed(id);
      return conversation;
    },
    'message.setContextBreak': async ({ messageId, enabled }) => {
      const page = store.setContextBreak(messageId, enabled);
      changed(page.conversation.id);
      return page;
    },
    'summary.update': async ({ conversationId, text }) => {
      const summary = await context.updateSummary(conversationId, text);
      changed(conversationId);
      return summary;
    },
    'summary.refresh': async ({ conversationId }) => {
      const summary = await context.refreshSummary(conversationId);
      if (summary) changed(conversationId);
      return summary;
    },
    'models.table': async () => ({ models: models.rows() }),
    'models.setInfo': async (info) => models.setUserInfo(info),
    'models.resetInfo': async ({ id }) => {
      models.resetUserInfo(id);
      return { ok: true as const };
    },
    'usage.conversation': async ({ id }) => store.conversationUsage(id),
    'usage.monthly': async () => ({ months: store.monthlyUsage() }),
  };
}
