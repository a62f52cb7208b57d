import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { FineTuneJob } from '../../shared/fineTuningSchemas';
import { LossChart } from './LossChart';
import { cancelJob } from './trainingState';
import { UseOnPersona } from './UseOnPersona';

const UNDER_WAY = new Set(['uploading', 'validating_files', 'queued', 'running']);

function host(baseURL: string): string {
  try {
    return new URL(baseURL).host;
  } catch {
    return baseURL;
  }
}

/** One job: base model, status, losses, the model it made, and Cancel while it runs. */
function JobItem({ job }: { job: FineTuneJob }): ReactElement {
  const { t } = useTranslation();
  const name = job.suffix ? `${job.baseModel} · ${job.suffix}` : job.baseModel;
  return (
    <li className="tr-job" aria-label={name}>
      <div className="tr-job-head">
        <strong>{name}</strong>
        <span className={`tr-status tr-status-${job.status}`}>{t(`training:jobs.status.${job.status}`)}</span>
        <span className="tr-muted">
          {t('training:jobs.epochs', { count: job.epochs })} ·{' '}
          {t('training:jobs.at', { host: host(job.baseURL) })}
        </span>
        {UNDER_WAY.has(job.status) && job.jobId && (
          <button type="button" className="btn btn-small" onClick={() => void cancelJob(job.id)}>
            {t('training:jobs.cancel')}
          </button>
        )}
      </div>
      <LossChart losses={job.losses} />
      {job.error && <p className="tr-bad">{job.error}</p>}
      {job.fineTunedModel && (
        <>
          <p className="tr-model">{t('training:jobs.model', { model: job.fineTunedModel })}</p>
          <UseOnPersona model={job.fineTunedModel} />
        </>
      )}
    </li>
  );
}

/** The list named "Training jobs", newest first. */
export function TrainingJobs({ jobs }: { jobs: FineTuneJob[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="tr-panel" aria-labelledby="tr-jobs-title">
      <h2 id="tr-jobs-title">{t('training:jobs.label')}</h2>
      {jobs.length === 0 ? (
        <p className="tr-muted">{t('training:jobs.empty')}</p>
      ) : (
        <ul className="tr-jobs" aria-label={t('training:jobs.label')}>
          {jobs.map((job) => (
            <JobItem key={job.id} job={job} />
          ))}
        </ul>
      )}
    </section>
  );
}
