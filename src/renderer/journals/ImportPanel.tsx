import { useRef, useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { pathsForFiles } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { Icon } from '../components/Icon';
import { filesOfDrop, filesOfInput } from './droppedFiles';
import { startImport, useJournals } from './journalsState';

/** The import progress bar: reading, finding entries, saving. */
export function ImportProgress(): ReactElement | null {
  const { t } = useTranslation();
  const { progress } = useJournals();
  if (!progress) return null;
  const percent = progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div className="jr-progress">
      <span className="jr-progress-label">{t(`journals:import.${progress.phase}`)}</span>
      <progress
        aria-label={t('journals:import.progress')}
        max={100}
        value={progress.phase === 'parsing' ? undefined : percent}
      />
    </div>
  );
}

/** In the app, a folder chosen with `webkitdirectory`: its own path (main walks it), from one file's. */
function chosenFolderPath(files: File[]): string[] | null {
  const first = files[0];
  const paths = first ? pathsForFiles([first]) : null;
  if (!first || !paths || !first.webkitRelativePath) return null;
  const inside = first.webkitRelativePath.split('/').slice(1).join('/');
  const path = paths[0];
  return [path.slice(0, path.length - inside.length - 1)];
}

/**
 * The drop zone with "Import journal" (files) and "Import folder" beside it. Files dropped on the
 * zone — or anywhere on the Journals section, see `JournalsSection` — are imported into a preview.
 */
export function ImportPanel({ compact = false }: { compact?: boolean }): ReactElement {
  const { t } = useTranslation();
  const { progress, importError, preview } = useJournals();
  // The preview shows its own progress and errors (a date pattern change, a save).
  const showStatus = !preview;
  const fileInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const busy = progress !== null;

  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    setOver(false);
    if (busy) return;
    const dropped = [...event.dataTransfer.files];
    // In the app, dropped files and folders have paths: main reads them (folders walked there).
    const paths = dropped.length > 0 ? pathsForFiles(dropped) : null;
    if (paths) void startImport([], paths);
    else void filesOfDrop(event.dataTransfer).then((files) => startImport(files));
  };
  const error = importError && errorText(t, importError);

  return (
    <section className={`jr-import${compact ? ' jr-import-compact' : ''}`}>
      <div
        className={`jr-drop${over ? ' jr-drop-over' : ''}`}
        data-testid="journal-drop-zone"
        onDragOver={(event) => {
          event.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
      >
        <Icon className="jr-drop-icon" name="upload" />
        <p className="jr-drop-title">{t('journals:import.drop')}</p>
        {!compact && <p className="jr-drop-hint">{t('journals:import.hint')}</p>}
        <div className="jr-drop-actions">
          <button
            type="button"
            className="btn btn-primary"
            disabled={busy}
            onClick={() => fileInput.current?.click()}
          >
            {t('journals:import.button')}
          </button>
          <button type="button" className="btn" disabled={busy} onClick={() => folderInput.current?.click()}>
            {t('journals:import.folder')}
          </button>
        </div>
        <input
          ref={fileInput}
          type="file"
          multiple
          hidden
          data-testid="journal-file-input"
          onChange={(event) => {
            void startImport(filesOfInput(event.target.files));
            event.target.value = '';
          }}
        />
        <input
          ref={folderInput}
          type="file"
          multiple
          hidden
          // React does not know the attribute; it is what makes the chooser pick folders.
          {...{ webkitdirectory: '' }}
          onChange={(event) => {
            const files = [...(event.target.files ?? [])];
            void startImport(filesOfInput(event.target.files), chosenFolderPath(files));
            event.target.value = '';
          }}
        />
      </div>
      {showStatus && <ImportProgress />}
      {showStatus && error && (
        <div className="jr-error" role="alert">
          <strong>{t('journals:import.failed')}</strong>
          <p>{error.summary}</p>
          {error.detail && <p className="jr-muted">{error.detail}</p>}
        </div>
      )}
    </section>
  );
}
