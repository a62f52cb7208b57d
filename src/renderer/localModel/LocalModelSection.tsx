import type { DragEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { pathsForFiles } from '../bridge/api';
import { InlineInputForm } from './InlineInputForm';
import { DownloadProgress, LocalModelCatalog } from './LocalModelCatalog';
import { formatBytes, useLocalModel, type LocalModelView } from './useLocalModel';

/** The engine's state in one line, with "Unload now" when a model is loaded. */
function EngineLine({
  engine,
  onUnload,
}: {
  engine: LocalModelView['engine'];
  onUnload(): void;
}): ReactElement {
  const { t } = useTranslation();
  if (engine.state === 'crashed') {
    return (
      <p className="field-error" role="alert" data-engine-state="crashed">
        {engine.message}
      </p>
    );
  }
  return (
    <p className="field-hint" data-engine-state={engine.state}>
      {engine.state === 'ready'
        ? t('localModel:engine.ready', { window: engine.contextWindow })
        : t(`localModel:engine.${engine.state}`)}{' '}
      {engine.state === 'ready' && (
        <button type="button" className="btn btn-small" onClick={onUnload}>
          {t('localModel:engine.unload')}
        </button>
      )}
    </p>
  );
}

/** The models on disk: Use (or "In use") and Delete. */
function ModelList({
  state,
}: {
  state: ReturnType<typeof useLocalModel> & { view: LocalModelView };
}): ReactElement {
  const { t, i18n } = useTranslation();
  const { view } = state;
  if (view.models.length === 0) return <p className="muted">{t('localModel:models.none')}</p>;
  return (
    <ul className="lm-models" aria-label={t('localModel:models.title')}>
      {view.models.map((model) => (
        <li key={model.id} className="lm-row">
          <div className="lm-row-text">
            <strong>{model.name}</strong>
            <span className="field-hint">
              {formatBytes(model.sizeBytes, i18n.language)}
              {model.source === 'file' ? ` · ${t('localModel:models.fromFile')}` : ''}
            </span>
          </div>
          {model.selected ? (
            <span className="field-hint">{t('localModel:models.inUse')}</span>
          ) : (
            <button
              type="button"
              className="btn btn-small btn-primary"
              aria-label={t('localModel:models.useNamed', { name: model.name })}
              onClick={() => void state.use(model.id)}
            >
              {t('localModel:models.use')}
            </button>
          )}
          <button
            type="button"
            className="btn btn-small"
            aria-label={t('localModel:models.deleteNamed', { name: model.name })}
            onClick={() => void state.remove(model.id)}
          >
            {model.source === 'file' ? t('localModel:models.forget') : t('localModel:models.delete')}
          </button>
        </li>
      ))}
    </ul>
  );
}

/**
 * "On this computer" (Settings and the first-run screen): the models on disk, the curated list
 * with downloads, a .gguf file to add (dropped or typed), a Hugging Face address, the idle unload.
 * It saves on its own, outside the settings form.
 */
export function LocalModelSection({ compact = false }: { compact?: boolean }): ReactElement {
  const { t } = useTranslation();
  const state = useLocalModel();
  const { view, error } = state;
  const onDrop = (event: DragEvent): void => {
    event.preventDefault();
    // In the app a dropped file has a path; the browser host has none (type the path instead).
    const paths = pathsForFiles([...event.dataTransfer.files]);
    if (paths?.[0]) void state.addFile(paths[0]);
  };
  return (
    <section
      className="settings-section lm-section"
      aria-labelledby="settings-local-model"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3 id="settings-local-model">{t('localModel:title')}</h3>
      <p className="muted">{t('localModel:intro')}</p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {view && (
        <>
          <EngineLine engine={view.engine} onUnload={() => void state.unload()} />
          <h4>{t('localModel:models.title')}</h4>
          <ModelList state={{ ...state, view }} />
          <h4>{t('localModel:catalog.title')}</h4>
          <LocalModelCatalog
            view={view}
            onDownload={(catalogId) => void state.download({ catalogId })}
            onPause={(id) => void state.pause(id)}
          />
          {view.downloads
            .filter((d) => !view.catalog.some((m) => m.id === d.id))
            .map((d) => (
              <DownloadProgress
                key={d.id}
                name={d.id}
                download={d}
                onPause={() => void state.pause(d.id)}
                onResume={() => undefined}
              />
            ))}
          <InlineInputForm
            label={t('localModel:url.label')}
            placeholder={t('localModel:url.placeholder')}
            button={t('localModel:url.download')}
            onSubmit={(url) => void state.download({ url })}
          />
          <InlineInputForm
            label={t('localModel:file.label')}
            placeholder={t('localModel:file.placeholder')}
            button={t('localModel:file.add')}
            hint={t('localModel:file.hint')}
            onSubmit={(path) => void state.addFile(path)}
          />
          {!compact && (
            <div className="lm-inline">
              <label className="field-label" htmlFor="lm-idle">
                {t('localModel:idle.label')}
              </label>
              <input
                id="lm-idle"
                className="input lm-idle"
                type="number"
                min={0}
                max={1440}
                defaultValue={view.idleMinutes}
                aria-describedby="lm-idle-hint"
                onBlur={(e) => {
                  const minutes = Math.round(Number(e.target.value));
                  if (Number.isFinite(minutes) && minutes >= 0 && minutes <= 1440)
                    void state.setIdle(minutes);
                }}
              />
              <p className="field-hint" id="lm-idle-hint">
                {t('localModel:idle.hint')}
              </p>
              <p className="field-hint">{t('localModel:folder', { folder: view.folder })}</p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
