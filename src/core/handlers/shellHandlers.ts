import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { CorePorts } from '../ports';
import type { QuickChatShortcut } from '../shell/quickChatShortcut';
import type { ShellService } from '../shell/shellService';
import type { ConversationStore } from '../store';

type ShellMethods =
  | 'shell.status'
  | 'shell.update'
  | 'quick.currentConversation'
  | 'quick.remember'
  | 'quick.hide'
  | 'shell.openInMain';

/** What the shell handlers work with. */
export interface ShellHandlerDeps {
  ports: Pick<CorePorts, 'desktop'>;
  shell: ShellService;
  shortcut: QuickChatShortcut;
  store: Pick<ConversationStore, 'getConversation'>;
  events: EventBus;
}

/** Handlers for quick chat, the shortcut, the tray and login settings. */
export function shellHandlers(deps: ShellHandlerDeps): Pick<Handlers, ShellMethods> {
  const { ports, shell, shortcut, store, events } = deps;
  return {
    'shell.status': async () => ({
      settings: shell.settings(),
      shortcut: shortcut.status(),
      desktop: ports.desktop !== undefined,
    }),
    'shell.update': async (patch) => {
      // Registered first: a taken shortcut throws here and nothing of the patch is saved.
      const quickChatShortcut =
        patch.quickChatShortcut === undefined ? undefined : shortcut.change(patch.quickChatShortcut);
      const next = shell.update(quickChatShortcut ? { ...patch, quickChatShortcut } : patch);
      if (patch.launchAtLogin !== undefined) ports.desktop?.setLaunchAtLogin(next.launchAtLogin);
      events.emit('shell.changed', {});
      return next;
    },
    'quick.currentConversation': async () => {
      if (shell.settings().quickChatContinues === 'new') return { conversationId: null };
      const id = shell.lastQuickConversation();
      return { conversationId: id !== null && isOpen(store, id) ? id : null };
    },
    'quick.remember': async ({ conversationId }) => {
      shell.rememberQuickConversation(conversationId);
      return { ok: true as const };
    },
    'quick.hide': async () => {
      ports.desktop?.hideQuickWindow();
      return { ok: true as const };
    },
    'shell.openInMain': async ({ conversationId }) => {
      events.emit('shell.openInMain', { conversationId });
      ports.desktop?.showMainWindow();
      return { ok: true as const };
    },
  };
}

// A conversation moved to the trash (or gone) is not continued: the quick window starts anew.
function isOpen(store: Pick<ConversationStore, 'getConversation'>, id: string): boolean {
  try {
    return store.getConversation(id).deletedAt === null;
  } catch {
    return false;
  }
}
