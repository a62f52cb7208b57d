import { useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import {
  fetchView,
  getLibrary,
  noteCreated,
  reportLibraryError,
  useLibraryView,
  type LibraryView,
} from '../state/library';
import { getNavigation, openConversation, useNavigation } from '../state/navigation';
import { openPersonaLibrary } from '../state/personaStore';
import { NewChatMenu } from '../personas/NewChatMenu';
import { closeJournals, openJournals } from '../journals/journalsState';
import { closeTraining, openTraining } from '../training/trainingState';
import { ConversationList } from './ConversationList';
import { downloadFile } from './download';
import { flatRows, groupConversations } from './grouping';
import { Icon } from '../components/Icon';
import { ImportDialog } from './ImportDialog';
import { openSearchPalette, searchShortcutLabel } from './paletteStore';
import { SidebarFooter } from './SidebarFooter';
import { TrashHeader } from './TrashHeader';
import { UndoToast } from './UndoToast';
import { useToday } from './useToday';
import './library.css';
import './overlays.css';

/** Gives the composer focus when "New chat" finds the open conversation already empty. */
function focusComposer(): void {
  document.querySelector<HTMLElement>('[data-composer-input], main textarea')?.focus();
}

/** "New chat": reuses the open conversation when it has no messages yet, else creates one. */
export async function startNewChat(): Promise<void> {
  const openId = getNavigation().conversationId;
  const open = openId ? getLibrary().views.active.items.find((c) => c.id === openId) : undefined;
  if (open && open.messageCount === 0) {
    focusComposer();
    return;
  }
  try {
    const conversation = await call('conversation.create', {});
    noteCreated(conversation);
    openConversation(conversation.id);
    requestAnimationFrame(focusComposer);
  } catch (error) {
    reportLibraryError(error);
  }
}

/**
 * The left column: New chat and Search on top, the conversations grouped by date (virtualized),
 * and Archived / Trash / Import / Export at the bottom. No props: it reads the library store.
 */
export function Sidebar(): ReactElement {
  const { t } = useTranslation();
  const [view, setView] = useState<LibraryView>('active');
  const [importing, setImporting] = useState(false);
  const list = useLibraryView(view);
  const { conversationId } = useNavigation();
  const today = useToday();

  const rows = useMemo(
    () => (view === 'active' ? groupConversations(list.items, today) : flatRows(list.items)),
    [list.items, view, today],
  );

  const exportAll = (): void => {
    call('library.exportAll', {}).then(downloadFile).catch(reportLibraryError);
  };

  const loadError = list.error && errorText(t, list.error);
  const emptyText =
    view === 'active'
      ? t('library:sidebar.emptyActive')
      : t(view === 'trash' ? 'library:sidebar.emptyTrash' : 'library:sidebar.emptyArchived');

  return (
    <nav className="lib-root lib-sidebar" aria-label={t('library:sidebar.label')}>
      <div className="lib-top">
        <div className="persona-new-chat-row">
          <button type="button" className="lib-new-chat" onClick={() => void startNewChat()}>
            <Icon className="lib-icon" name="edit" />
            <span>{t('library:sidebar.newChat')}</span>
          </button>
          <NewChatMenu onPlainChat={() => void startNewChat()} />
        </div>
        <button
          type="button"
          className="lib-search-button"
          onClick={openSearchPalette}
          aria-keyshortcuts={searchShortcutLabel() === '⌘K' ? 'Meta+K' : 'Control+K'}
        >
          <Icon className="lib-icon" name="search" />
          <span className="lib-search-label">{t('library:sidebar.search')}</span>
          <kbd aria-hidden="true">{searchShortcutLabel()}</kbd>
        </button>
        <button type="button" className="persona-nav" onClick={() => openPersonaLibrary()}>
          <Icon className="lib-icon" name="persona" />
          <span>{t('personas:nav')}</span>
        </button>
        <button
          type="button"
          className="persona-nav"
          onClick={() => {
            closeTraining();
            openJournals();
          }}
        >
          <Icon className="lib-icon" name="journal" />
          <span>{t('journals:nav')}</span>
        </button>
        <button
          type="button"
          className="persona-nav"
          onClick={() => {
            closeJournals();
            openTraining();
          }}
        >
          <Icon className="lib-icon" name="layers" />
          <span>{t('training:nav')}</span>
        </button>
      </div>

      {view !== 'active' && (
        <TrashHeader view={view} count={list.items.length} onBack={() => setView('active')} />
      )}

      {!list.loaded ? (
        <p className="lib-state">{t('library:sidebar.loading')}</p>
      ) : loadError && list.items.length === 0 ? (
        <div className="lib-state lib-error" role="alert">
          <p>{t('library:sidebar.loadFailed', { message: loadError.summary })}</p>
          {loadError.detail && <p className="lib-detail">{loadError.detail}</p>}
          <button type="button" className="lib-secondary" onClick={() => void fetchView(view)}>
            {t('library:sidebar.retry')}
          </button>
        </div>
      ) : rows.length === 0 ? (
        <p className="lib-state lib-muted">{emptyText}</p>
      ) : (
        <ConversationList key={view} rows={rows} view={view} activeId={conversationId} />
      )}

      <SidebarFooter
        view={view}
        onView={(next) => setView((current) => (current === next ? 'active' : next))}
        onImport={() => setImporting(true)}
        onExport={exportAll}
      />
      {importing && <ImportDialog onClose={() => setImporting(false)} />}
      <UndoToast />
    </nav>
  );
}
