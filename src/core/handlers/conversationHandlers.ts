import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import { conversationToJson, conversationToMarkdown } from '../importers';
import { startConversation } from '../personas/startConversation';
import type { ConversationStore } from '../store/types';

type ConversationMethods =
  | 'conversation.list'
  | 'conversation.create'
  | 'conversation.get'
  | 'conversation.rename'
  | 'conversation.pin'
  | 'conversation.archive'
  | 'conversation.delete'
  | 'conversation.restore'
  | 'conversation.emptyTrash'
  | 'conversation.export'
  | 'message.delete'
  | 'message.restore'
  | 'message.switchVersion'
  | 'message.text';

/** Handlers for the conversation library and message versions; each change is announced. */
export function conversationHandlers(
  store: ConversationStore,
  events: EventBus,
): Pick<Handlers, ConversationMethods> {
  const changed = (id: string): void => {
    events.emit('conversation.changed', { id });
    events.emit('library.changed', {});
  };
  return {
    'conversation.list': async ({ view }) => store.listConversations(view),
    'conversation.create': async ({ title, personaId }) => {
      const conversation = startConversation(store, { title, personaId });
      events.emit('library.changed', {});
      return conversation;
    },
    'conversation.get': async ({ id, ...query }) => store.getPage(id, query),
    'conversation.rename': async ({ id, title }) => {
      const conversation = store.renameConversation(id, title);
      changed(id);
      return conversation;
    },
    'conversation.pin': async ({ id, pinned }) => {
      const conversation = store.setPinned(id, pinned);
      changed(id);
      return conversation;
    },
    'conversation.archive': async ({ id, archived }) => {
      const conversation = store.setArchived(id, archived);
      changed(id);
      return conversation;
    },
    'conversation.delete': async ({ id }) => {
      store.trashConversation(id);
      changed(id);
      return { ok: true as const };
    },
    'conversation.restore': async ({ id }) => {
      const conversation = store.restoreConversation(id);
      changed(id);
      return conversation;
    },
    'conversation.emptyTrash': async () => {
      const removed = store.emptyTrash();
      events.emit('library.changed', {});
      return { removed };
    },
    'conversation.export': async ({ id, format }) => {
      const conversation = store.exportConversation(id);
      const base = safeFileName(conversation.title);
      return format === 'markdown'
        ? { filename: `${base}.md`, mimeType: 'text/markdown', content: conversationToMarkdown(conversation) }
        : {
            filename: `${base}.json`,
            mimeType: 'application/json',
            content: conversationToJson(conversation),
          };
    },
    'message.delete': async ({ id }) => {
      const view = store.deleteMessage(id);
      changed(view.conversation.id);
      return view;
    },
    'message.restore': async ({ id }) => {
      const view = store.restoreMessage(id);
      changed(view.conversation.id);
      return view;
    },
    'message.switchVersion': async ({ id }) => {
      const view = store.switchVersion(id);
      events.emit('conversation.changed', { id: view.conversation.id });
      return view;
    },
    'message.text': async ({ id, start, length }) => store.getMessageText(id, start, length),
  };
}

/** A file name that every OS accepts, from a conversation title (Chinese kept). */
export function safeFileName(title: string): string {
  const cleaned = title
    // Control characters are exactly what must not reach a file name.
    // eslint-disable-next-line no-control-regex
    .replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return cleaned || 'conversation';
}
