import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { ChatView } from '../chat/ChatView';
import { LinkConfirmDialog } from '../components/LinkConfirmDialog';
import { UndoToast } from '../library/UndoToast';
import { BUILTIN_BASE_URL } from '../../shared/builtinProvider';
import { useSettings } from '../state/settingsStore';
import { openInMain } from './openInMain';

/**
 * The quick-chat window: one conversation (the last quick one, or a new one as the setting says),
 * the composer named "Message", the answer streaming as in the main window, Esc to hide and
 * "Open in Penpal". Its per-window state (undo toast, link confirmation) lives in this page's own
 * stores: every window is its own document, so nothing is shared with the main window but data.
 */
export function QuickChat(): ReactElement {
  const { t } = useTranslation();
  const { current } = useSettings();
  const [conversationId, setConversationId] = useState<string | null | undefined>(undefined);
  const [desktop, setDesktop] = useState(false);

  const pickConversation = useCallback(() => {
    void call('quick.currentConversation', {})
      .then(({ conversationId: id }) => setConversationId(id))
      .catch(() => setConversationId(null));
  }, []);

  useEffect(() => {
    pickConversation();
    void call('shell.status', {})
      .then((status) => setDesktop(status.desktop))
      .catch(() => undefined);
    // Shown again after Esc: a "new conversation each time" setting takes effect here.
    const onVisible = (): void => {
      if (document.visibilityState === 'visible') pickConversation();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [pickConversation]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // A dialog (link confirmation) closes first; only a plain Esc hides the window.
      if (document.querySelector('[role="dialog"]')) return;
      if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
      void call('quick.hide', {}).catch(() => undefined);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const created = useCallback((id: string) => {
    setConversationId(id);
    void call('quick.remember', { conversationId: id }).catch(() => undefined);
  }, []);

  const ready = current?.key.configured === true || current?.settings.baseURL === BUILTIN_BASE_URL;
  const openButton = (
    <button
      type="button"
      className="btn quick-open"
      onClick={() => void openInMain(conversationId ?? null, desktop).catch(() => undefined)}
    >
      {t('shell:quick.openInMain')}
    </button>
  );

  return (
    <div className="quick" aria-label={t('shell:quick.label')}>
      {!ready || conversationId === undefined ? (
        <div className="quick-setup">
          <p className="muted">{current && !ready ? t('shell:quick.needsSetup') : t('common:loading')}</p>
          {current && !ready && openButton}
        </div>
      ) : (
        <ChatView
          conversationId={conversationId}
          onConversationCreated={created}
          quickActions={
            <>
              {conversationId !== null && (
                <button type="button" className="btn btn-ghost" onClick={() => setConversationId(null)}>
                  {t('shell:quick.newChat')}
                </button>
              )}
              {openButton}
            </>
          }
        />
      )}
      <UndoToast />
      <LinkConfirmDialog />
    </div>
  );
}
