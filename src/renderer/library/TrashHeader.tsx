import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { emptyTrash, type LibraryView } from '../state/library';
import { Icon } from '../components/Icon';

interface TrashHeaderProps {
  view: Exclude<LibraryView, 'active'>;
  count: number;
  onBack: () => void;
}

/** The heading of the Archived and Trash views; in the Trash, "Empty Trash" asks before it acts. */
export function TrashHeader({ view, count, onBack }: TrashHeaderProps): ReactElement {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="lib-view-head">
      <div className="lib-view-title">
        <button
          type="button"
          className="lib-icon-button"
          aria-label={t('library:sidebar.back')}
          title={t('library:sidebar.back')}
          onClick={onBack}
        >
          <Icon className="lib-icon" name="back" />
        </button>
        <h2>{t(view === 'trash' ? 'library:views.trash' : 'library:views.archived')}</h2>
        {view === 'trash' && count > 0 && !confirming && (
          <button type="button" className="lib-text-button lib-danger" onClick={() => setConfirming(true)}>
            {t('library:actions.emptyTrash')}
          </button>
        )}
      </div>
      {confirming && (
        <div className="lib-confirm" role="alertdialog" aria-label={t('library:actions.emptyTrash')}>
          <p>{t('library:actions.emptyTrashConfirm', { count })}</p>
          <div className="lib-confirm-buttons">
            <button type="button" className="lib-secondary" autoFocus onClick={() => setConfirming(false)}>
              {t('library:actions.cancel')}
            </button>
            <button
              type="button"
              className="lib-danger-button"
              onClick={() => {
                setConfirming(false);
                void emptyTrash();
              }}
            >
              {t('library:actions.emptyTrashYes')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
