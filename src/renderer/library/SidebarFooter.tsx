import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryView } from '../state/library';
import { Icon } from '../components/Icon';

interface SidebarFooterProps {
  view: LibraryView;
  /** Switches to Archived or Trash (or back to the chats when that view is already shown). */
  onView: (view: LibraryView) => void;
  onImport: () => void;
  onExport: () => void;
}

/** The sidebar's bottom: the Archived and Trash views, and Import / Export of the whole library. */
export function SidebarFooter({ view, onView, onImport, onExport }: SidebarFooterProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="lib-footer">
      <button
        type="button"
        className="lib-foot-button"
        aria-pressed={view === 'archived'}
        onClick={() => onView('archived')}
      >
        <Icon className="lib-icon" name="archive" />
        <span>{t('library:views.archived')}</span>
      </button>
      <button
        type="button"
        className="lib-foot-button"
        aria-pressed={view === 'trash'}
        onClick={() => onView('trash')}
      >
        <Icon className="lib-icon" name="trashLines" />
        <span>{t('library:views.trash')}</span>
      </button>
      <button
        type="button"
        className="lib-foot-button"
        title={t('library:actions.importHint')}
        onClick={onImport}
      >
        <Icon className="lib-icon" name="upload" />
        <span>{t('library:actions.import')}</span>
      </button>
      <button
        type="button"
        className="lib-foot-button"
        title={t('library:actions.exportAllHint')}
        onClick={onExport}
      >
        <Icon className="lib-icon" name="download" />
        <span>{t('library:actions.exportAll')}</span>
      </button>
    </div>
  );
}
