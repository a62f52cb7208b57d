import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../chat/errorText';
import { Icon } from '../components/Icon';
import { AddConversationsDialog } from './AddConversationsDialog';
import { DataCheckReport } from './DataCheckReport';
import { ExampleList } from './ExampleList';
import { TrainingForm } from './TrainingForm';
import { TrainingJobs } from './TrainingJobs';
import {
  checkData,
  closeTraining,
  exportJsonl,
  importFile,
  startTraining,
  useTraining,
} from './trainingState';
import './training.css';

/**
 * The Training data screen, in place of the chat: the set's examples, the data check, and the
 * jobs. Start training waits for a clean, current report (warnings accepted).
 */
export function TrainingSection(): ReactElement {
  const { t } = useTranslation();
  const state = useTraining();
  const [adding, setAdding] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const { report, reportStale, busy, form, examples } = state;
  const hasWarnings = report?.issues.some((issue) => issue.severity === 'warning') ?? false;
  const canStart =
    report !== null && !reportStale && report.ok && (!hasWarnings || form.acceptWarnings) && busy === null;
  const failure = state.error && errorText(t, state.error);

  return (
    <div className="tr-root">
      <header className="tr-head">
        <button type="button" className="btn btn-small" onClick={closeTraining}>
          <Icon className="tr-icon" name="back" />
          {t('training:back')}
        </button>
        <h1>{t('training:title')}</h1>
        <p className="tr-muted">{t('training:intro')}</p>
      </header>
      <div className="tr-toolbar" role="toolbar" aria-label={t('training:toolbar')}>
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          {t('training:add')}
        </button>
        <button
          type="button"
          className="btn"
          title={t('training:importHint')}
          disabled={busy !== null}
          onClick={() => fileInput.current?.click()}
        >
          {t('training:import')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".csv,.tsv,.txt,.jsonl,.json"
          hidden
          aria-label={t('training:import')}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void importFile(file);
          }}
        />
        <button
          type="button"
          className="btn"
          disabled={busy !== null || examples.length === 0}
          onClick={() => void checkData()}
        >
          {busy === 'check' ? t('training:checking') : t('training:check')}
        </button>
        <button
          type="button"
          className="btn"
          disabled={busy !== null || examples.length === 0}
          onClick={() => void exportJsonl()}
        >
          {t('training:export')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!canStart}
          onClick={() => void startTraining()}
        >
          {busy === 'start' ? t('training:starting') : t('training:start')}
        </button>
      </div>
      {state.imported && (
        <p className="tr-muted" role="status">
          {t('training:imported', { count: state.imported.added })}{' '}
          {state.imported.skipped > 0 && t('training:skipped', { count: state.imported.skipped })}
        </p>
      )}
      {failure && (
        <div className="tr-bad" role="alert">
          <p>{failure.summary}</p>
          {failure.detail && <p className="tr-muted">{failure.detail}</p>}
        </div>
      )}
      <TrainingForm />
      <div className="tr-columns">
        <ExampleList examples={examples} />
        <div className="tr-side">
          <DataCheckReport report={report} stale={reportStale} />
          <TrainingJobs jobs={state.jobs} />
        </div>
      </div>
      {adding && <AddConversationsDialog onClose={() => setAdding(false)} />}
    </div>
  );
}
