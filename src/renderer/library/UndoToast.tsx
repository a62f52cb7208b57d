import type { ReactElement, ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { errorText } from '../chat/errorText';
import { dismissToast, undoDelete, useLibraryToast, type LibraryToast } from '../state/library';
import { Icon } from '../components/Icon';

function toastText(toast: LibraryToast, t: TFunction): ReactNode {
  if (toast.kind === 'undo') return t('library:toast.deleted');
  if (toast.kind === 'undoMessage') return t('library:toast.messageDeleted');
  const { summary, detail } = errorText(t, toast.error ?? toast.text);
  return (
    <>
      {summary}
      {detail && <span className="lib-detail">{detail}</span>}
    </>
  );
}

/**
 * The library's toast, bottom-left: "Conversation moved to Trash · Undo" for ~8 s after a delete,
 * or an error in plain words. Announced politely to screen readers.
 */
export function UndoToast(): ReactElement {
  const { t } = useTranslation();
  const toast = useLibraryToast();
  return createPortal(
    <div className="lib-root lib-toast-region" role="status" aria-live="polite">
      {toast && (
        <div key={toast.id} className={`lib-toast${toast.kind === 'error' ? ' lib-toast-error' : ''}`}>
          <span className="lib-toast-text">{toastText(toast, t)}</span>
          {toast.kind !== 'error' && (
            <button type="button" className="lib-toast-action" onClick={() => void undoDelete()}>
              {t('library:toast.undo')}
            </button>
          )}
          <button
            type="button"
            className="lib-toast-close"
            aria-label={t('library:toast.dismiss')}
            onClick={dismissToast}
          >
            <Icon className="lib-icon" name="close" size={14} />
          </button>
        </div>
      )}
    </div>,
    document.body,
  );
}
