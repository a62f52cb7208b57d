import { useEffect, useRef, useState, type DragEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_IMPORT_FILE_BASE64_CHARS } from '../../shared/limits';
import type { ImportReport } from '../../shared/schemas';
import { call, onEvent } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { Icon } from '../components/Icon';
import { ImportReportView } from './ImportReportView';
import { Modal } from '../components/Modal';
import { isImportable, readFilesAsBase64 } from './readFiles';

const MAX_FILES = 100;
// The contract accepts MAX_IMPORT_FILE_BASE64_CHARS per file (base64: 4 characters per 3 bytes);
// a little under that leaves room for rounding.
const MAX_FILE_MB = Math.floor((MAX_IMPORT_FILE_BASE64_CHARS * 3) / 4 / 1024 / 1024) - 3;

type Phase = 'uploading' | 'reading' | 'parsing' | 'saving';
type Status =
  | { kind: 'idle'; notice: string | null }
  | { kind: 'working'; phase: Phase; done: number; total: number }
  | { kind: 'report'; report: ImportReport; rejected: string[] }
  | { kind: 'error'; error: unknown };

// Each phase's share of the one bar, so it only ever moves forward.
const PHASE_SPAN: Record<Phase, [number, number]> = {
  uploading: [0, 0.15],
  reading: [0.15, 0.2],
  parsing: [0.2, 0.6],
  saving: [0.6, 1],
};

function overall(phase: Phase, done: number, total: number): number {
  const [start, end] = PHASE_SPAN[phase];
  return start + (end - start) * (total > 0 ? Math.min(1, done / total) : 0);
}

/**
 * Imports a ChatGPT export (zip, conversations.json or its split files) or a Penpal backup:
 * pick or drop files, watch the progress bar, then read the report of what was added and skipped.
 */
export function ImportDialog({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const [status, setStatus] = useState<Status>({ kind: 'idle', notice: null });
  const [dragging, setDragging] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const busy = status.kind === 'working';

  useEffect(
    () =>
      onEvent('import.progress', ({ phase, done, total }) =>
        setStatus((s) => (s.kind === 'working' ? { kind: 'working', phase, done, total } : s)),
      ),
    [],
  );

  const start = async (list: readonly File[]): Promise<void> => {
    if (busy || list.length === 0) return;
    const files = list.filter((file) => isImportable(file.name));
    const rejected = list.filter((file) => !isImportable(file.name)).map((file) => file.name);
    if (files.length === 0) return setStatus({ kind: 'idle', notice: t('library:import.noFiles') });
    if (files.length > MAX_FILES)
      return setStatus({ kind: 'idle', notice: t('library:import.tooMany', { max: MAX_FILES }) });
    const huge = files.find((file) => file.size > MAX_FILE_MB * 1024 * 1024);
    if (huge)
      return setStatus({
        kind: 'idle',
        notice: t('library:import.tooLarge', { name: huge.name, max: MAX_FILE_MB }),
      });
    setStatus({ kind: 'working', phase: 'uploading', done: 0, total: files.length });
    try {
      const encoded = await readFilesAsBase64(files, (done, total) =>
        setStatus({ kind: 'working', phase: 'uploading', done, total }),
      );
      const report = await call('library.import', { files: encoded });
      setStatus({ kind: 'report', report, rejected });
    } catch (error) {
      setStatus({ kind: 'error', error });
    }
  };

  const onDrop = (event: DragEvent<HTMLDivElement>): void => {
    event.preventDefault();
    setDragging(false);
    void start([...event.dataTransfer.files]);
  };

  const close = (): void => {
    if (!busy) onClose();
  };

  const failedTitle = t('library:import.failed');
  const failure = status.kind === 'error' ? errorText(t, status.error) : null;
  const report =
    status.kind === 'report'
      ? withRejected(status.report, status.rejected, t('library:import.wrongType'))
      : null;

  return (
    <Modal
      label={t('library:import.title')}
      onClose={close}
      className={`lib-import${dragging ? ' lib-dragging' : ''}`}
      boxProps={{
        onDragOver: (event) => {
          event.preventDefault();
          if (!busy) setDragging(true);
        },
        onDragLeave: (event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
        },
        onDrop,
      }}
    >
      <header className="lib-modal-head">
        <h2>{report ? t('library:import.reportTitle') : t('library:import.title')}</h2>
        <button
          type="button"
          className="lib-icon-button"
          aria-label={t('library:import.close')}
          onClick={close}
          disabled={busy}
        >
          <Icon className="lib-icon" name="close" />
        </button>
      </header>

      {(status.kind === 'idle' || status.kind === 'error') && (
        <div className="lib-import-body">
          <p className="lib-muted">{t('library:import.intro')}</p>
          <div className="lib-dropzone">
            <Icon className="lib-icon" name="upload" size={28} />
            <button
              type="button"
              className="lib-primary"
              data-autofocus
              onClick={() => inputRef.current?.click()}
            >
              {t('library:import.choose')}
            </button>
            <span className="lib-muted">
              {dragging ? t('library:import.dropActive') : t('library:import.drop')}
            </span>
            <input
              ref={inputRef}
              type="file"
              multiple
              accept=".zip,.json,application/zip,application/json"
              className="lib-visually-hidden"
              tabIndex={-1}
              aria-label={t('library:import.choose')}
              onChange={(event) => {
                const files = [...(event.target.files ?? [])];
                event.target.value = '';
                void start(files);
              }}
            />
          </div>
          {status.kind === 'idle' && status.notice && (
            <p className="lib-error" role="alert">
              {status.notice}
            </p>
          )}
          {failure && (
            <div className="lib-error" role="alert">
              <strong>{failedTitle}</strong>
              {/* An `import_failed` error says the same as the heading: say it once. */}
              {failure.summary !== failedTitle && <p>{failure.summary}</p>}
              {failure.detail && <p className="lib-detail">{failure.detail}</p>}
            </div>
          )}
        </div>
      )}

      {status.kind === 'working' && (
        <div className="lib-import-body lib-progress-wrap">
          <div className="lib-progress-label">
            <span>{t(`library:import.phase.${status.phase}`)}</span>
            <span className="lib-muted">
              {t('library:import.progress', { done: status.done, total: status.total })}
            </span>
          </div>
          <div
            className="lib-progress"
            role="progressbar"
            aria-label={t(`library:import.phase.${status.phase}`)}
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round(overall(status.phase, status.done, status.total) * 100)}
          >
            <div style={{ width: `${overall(status.phase, status.done, status.total) * 100}%` }} />
          </div>
        </div>
      )}

      {report && (
        <div className="lib-import-body">
          <ImportReportView report={report} />
          <footer className="lib-modal-foot">
            <button
              type="button"
              className="lib-secondary"
              onClick={() => setStatus({ kind: 'idle', notice: null })}
            >
              {t('library:import.again')}
            </button>
            <button type="button" className="lib-primary" data-autofocus onClick={close}>
              {t('library:import.done')}
            </button>
          </footer>
        </div>
      )}
    </Modal>
  );
}

/** Adds the files refused before sending (wrong type) to the report's skipped list. */
function withRejected(report: ImportReport, rejected: string[], reason: string): ImportReport {
  if (!rejected.length) return report;
  return { ...report, skipped: [...rejected.map((item) => ({ item, reason })), ...report.skipped] };
}
