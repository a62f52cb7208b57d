import { useEffect, type DragEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { errorText } from '../chat/errorText';
import { Icon } from '../components/Icon';
import { CountAndRange, PreviewView } from './PreviewView';
import { ImportPanel } from './ImportPanel';
import { JournalView } from './JournalView';
import { closeJournals, dismissUndo, openJournals, undoDeleteJournal, useJournals } from './journalsState';
import './journals.css';

const UNDO_MS = 8000;

/** "Journal deleted · Undo" for a few seconds after a delete. */
function UndoJournalToast(): ReactElement {
  const { t } = useTranslation();
  const { undo } = useJournals();
  useEffect(() => {
    if (!undo) return;
    const timer = setTimeout(dismissUndo, UNDO_MS);
    return () => clearTimeout(timer);
  }, [undo]);
  return createPortal(
    <div className="jr-toast-region" role="status" aria-live="polite">
      {undo && (
        <div className="jr-toast">
          <span>{t('journals:view.deleted')}</span>
          <button type="button" className="jr-toast-action" onClick={() => void undoDeleteJournal()}>
            {t('journals:view.undo')}
          </button>
          <button
            type="button"
            className="jr-toast-close"
            aria-label={t('journals:view.dismiss')}
            onClick={dismissUndo}
          >
            <Icon className="jr-icon" name="close" />
          </button>
        </div>
      )}
    </div>,
    document.body,
  );
}

/**
 * The Journals section, in place of the chat: the journals on the left (and the import drop
 * zone), and on the right the import preview or the open journal.
 */
export function JournalsSection(): ReactElement {
  const { t } = useTranslation();
  const { journals, loaded, error, journalId, focusDate, preview } = useJournals();
  const open = journals.find((journal) => journal.id === journalId) ?? null;
  const loadError = error && errorText(t, error);
  // A file dropped anywhere on the section must not make the window navigate to it.
  const swallow = (event: DragEvent): void => event.preventDefault();

  return (
    <div className="jr-root" onDragOver={swallow} onDrop={swallow}>
      <aside className="jr-side">
        <div className="jr-side-head">
          <button type="button" className="btn btn-small" onClick={closeJournals}>
            <Icon className="jr-icon" name="back" />
            {t('journals:back')}
          </button>
          <h1>{t('journals:title')}</h1>
        </div>
        {(preview || open) && <ImportPanel compact />}
        {loadError && (
          <p className="jr-invalid" role="alert">
            {t('journals:loadFailed', { message: loadError.summary })}
          </p>
        )}
        <ul className="jr-list" aria-label={t('journals:listLabel')}>
          {journals.map((journal) => (
            <li key={journal.id}>
              <button
                type="button"
                className={`jr-list-item${journal.id === journalId && !preview ? ' jr-list-selected' : ''}`}
                aria-current={journal.id === journalId && !preview ? 'true' : undefined}
                onClick={() => openJournals(journal.id)}
              >
                <span className="jr-list-name">{journal.name}</span>
                <span className="jr-list-owner">{journal.ownerName}</span>
                <CountAndRange count={journal.entryCount} from={journal.firstDate} to={journal.lastDate} />
              </button>
            </li>
          ))}
        </ul>
        {loaded && journals.length === 0 && !preview && (
          <p className="jr-muted jr-empty">{t('journals:empty')}</p>
        )}
      </aside>
      <main className="jr-main">
        {preview ? (
          <PreviewView key={preview.token} preview={preview} />
        ) : open ? (
          <JournalView key={open.id} journal={open} focusDate={focusDate} />
        ) : (
          <div className="jr-welcome">
            <h2>{t('journals:title')}</h2>
            <ImportPanel />
          </div>
        )}
      </main>
      <UndoJournalToast />
    </div>
  );
}
