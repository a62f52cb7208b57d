import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes, languageNames, type LocalModelView } from './useLocalModel';

type Download = LocalModelView['downloads'][number];

/** The progress bar of a download, with Pause or Resume, and its error when it failed. */
export function DownloadProgress({
  name,
  download,
  onPause,
  onResume,
}: {
  name: string;
  download: Download;
  onPause(): void;
  onResume(): void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const total = download.total ?? 0;
  return (
    <div className="lm-download">
      <progress
        aria-label={t('localModel:catalog.progress', { name })}
        max={total || undefined}
        value={total ? download.received : undefined}
      />
      <span className="field-hint">
        {t('localModel:catalog.received', {
          received: formatBytes(download.received, i18n.language),
          total: total ? formatBytes(total, i18n.language) : '…',
        })}
      </span>
      {download.state === 'running' ? (
        <button type="button" className="btn btn-small" onClick={onPause}>
          {t('localModel:catalog.pause')}
        </button>
      ) : (
        <button type="button" className="btn btn-small" onClick={onResume}>
          {t('localModel:catalog.resume')}
        </button>
      )}
      {download.error && (
        <p className="field-error" role="alert">
          {download.error.message}
        </p>
      )}
    </div>
  );
}

/** The curated list: what each model is, what it needs, and Download / progress. */
export function LocalModelCatalog({
  view,
  onDownload,
  onPause,
}: {
  view: LocalModelView;
  onDownload(id: string): void;
  onPause(id: string): void;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const installed = new Set(view.models.map((m) => m.id));
  return (
    <ul className="lm-catalog" aria-label={t('localModel:catalog.title')}>
      {view.catalog.map((model) => {
        const download = view.downloads.find((d) => d.id === model.id);
        return (
          <li key={model.id} className="lm-row">
            <div className="lm-row-text">
              <strong>{model.name}</strong>
              <span className="field-hint">
                {t('localModel:catalog.facts', {
                  parameters: model.parameters,
                  size: formatBytes(model.sizeBytes, i18n.language),
                  memory: formatBytes(model.memoryBytes, i18n.language),
                  licence: model.licence,
                })}
              </span>
              <span className="field-hint">
                {t('localModel:catalog.languages', {
                  languages: languageNames(model.languages, i18n.language),
                })}
              </span>
            </div>
            {installed.has(model.id) ? (
              <span className="field-hint">{t('localModel:catalog.installed')}</span>
            ) : download ? (
              <DownloadProgress
                name={model.name}
                download={download}
                onPause={() => onPause(model.id)}
                onResume={() => onDownload(model.id)}
              />
            ) : (
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('localModel:catalog.downloadNamed', { name: model.name })}
                onClick={() => onDownload(model.id)}
              >
                {t('localModel:catalog.download')}
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
