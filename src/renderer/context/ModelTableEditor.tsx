import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ModelInfo } from '../../shared/contextSchemas';
import { call, onEvent } from '../bridge/api';
import { InputField } from '../components/Field';
import { Icon } from '../components/Icon';
import { useFormatters } from './format';
import { formOf, parseModelForm, type ModelForm, type ModelFormErrors } from './modelForm';
import { noteContextChanged } from './inspectorStore';
import { useFailureText } from './useFailureText';

/** The form under the table: a model being added (`previous` null) or edited. */
function ModelEditor({
  previous,
  onSaved,
  onCancel,
}: {
  previous: ModelInfo | null;
  onSaved: () => void;
  onCancel: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const [form, setForm] = useState<ModelForm>(() => formOf(previous));
  const [errors, setErrors] = useState<ModelFormErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);
  const change = (patch: Partial<ModelForm>): void => setForm((current) => ({ ...current, ...patch }));
  const error = (field: keyof ModelForm): string | null => {
    const key = errors[field];
    return key ? t(`context:models.${key}`) : null;
  };
  const save = (): void => {
    const parsed = parseModelForm(form, previous);
    if (!parsed.ok) return setErrors(parsed.errors);
    setErrors({});
    setFailure(null);
    call('models.setInfo', parsed.model).then(() => {
      noteContextChanged();
      onSaved();
    }, setFailure);
  };
  const field = (name: keyof ModelForm, label: string, extra: { inputMode?: 'numeric' | 'decimal' } = {}) => (
    <InputField
      label={label}
      value={form[name]}
      error={error(name)}
      disabled={name === 'id' && previous !== null}
      onValueChange={(value) => change({ [name]: value })}
      {...extra}
    />
  );
  return (
    <div
      className="model-editor"
      role="group"
      aria-label={previous ? t('context:models.edit', { model: previous.id }) : t('context:models.add')}
    >
      {field('id', t('context:models.id'))}
      <div className="model-editor-grid">
        {field('contextWindow', t('context:models.window'), { inputMode: 'numeric' })}
        {field('maxOutput', t('context:models.maxOutput'), { inputMode: 'numeric' })}
        {field('input', t('context:models.input'), { inputMode: 'decimal' })}
        {field('output', t('context:models.output'), { inputMode: 'decimal' })}
      </div>
      {failureText && (
        <p className="field-error" role="alert">
          {t('context:models.saveFailed', { message: failureText })}
        </p>
      )}
      <div className="model-editor-buttons">
        <button type="button" className="btn btn-small" onClick={onCancel}>
          {t('context:models.cancel')}
        </button>
        <button type="button" className="btn btn-small btn-primary" onClick={save}>
          {t('context:models.save')}
        </button>
      </div>
    </div>
  );
}

/**
 * The model table in Settings: every model's window, output limit and prices, where they come
 * from, editable, and extendable with custom models. Saved row by row, at once.
 */
export function ModelTableEditor(): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const [models, setModels] = useState<ModelInfo[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);
  // The model being edited; `new` for one being added.
  const [editing, setEditing] = useState<ModelInfo | 'new' | null>(null);

  const load = useCallback(() => {
    call('models.table', {}).then(({ models: next }) => {
      setFailure(null);
      setModels(next);
    }, setFailure);
  }, []);
  useEffect(() => {
    load();
    return onEvent('models.changed', load);
  }, [load]);

  const reset = (id: string): void => {
    call('models.resetInfo', { id }).then(() => {
      noteContextChanged();
      load();
    }, setFailure);
  };
  const price = (value: number | undefined): string => (value === undefined ? '—' : format.cost(value));

  return (
    <div className="model-table">
      <p className="field-hint">{t('context:models.hint')}</p>
      {failureText && (
        <p className="field-error" role="alert">
          {t('context:models.loadFailed', { message: failureText })}
        </p>
      )}
      {models && (
        <div className="model-table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('context:models.id')}</th>
                <th scope="col">{t('context:models.window')}</th>
                <th scope="col">{t('context:models.maxOutput')}</th>
                <th scope="col">{t('context:models.input')}</th>
                <th scope="col">{t('context:models.output')}</th>
                <th scope="col">{t('context:models.source')}</th>
                <th scope="col">
                  <span className="sr-only">{t('context:models.edit', { model: '' })}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {models.map((model) => (
                <tr key={model.id} data-model={model.id}>
                  <th scope="row">{model.id}</th>
                  <td>{format.count(model.contextWindow)}</td>
                  <td>{format.count(model.maxOutput)}</td>
                  <td>{price(model.price?.input)}</td>
                  <td>{price(model.price?.output)}</td>
                  <td>
                    <span className={`ctx-chip model-source-${model.source}`}>
                      {t(`context:models.sources.${model.source}`)}
                    </span>
                  </td>
                  <td className="model-actions">
                    <button
                      type="button"
                      className="icon-button"
                      aria-label={t('context:models.edit', { model: model.id })}
                      title={t('context:models.edit', { model: model.id })}
                      onClick={() => setEditing(model)}
                    >
                      <Icon name="pencil" size={14} />
                    </button>
                    {model.source === 'user' && (
                      <button
                        type="button"
                        className="icon-button"
                        aria-label={t('context:models.reset', { model: model.id })}
                        title={t('context:models.reset', { model: model.id })}
                        onClick={() => reset(model.id)}
                      >
                        <Icon name="restore" size={14} />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {editing ? (
        <ModelEditor
          key={editing === 'new' ? 'new' : editing.id}
          previous={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            load();
          }}
        />
      ) : (
        <button type="button" className="btn btn-small" onClick={() => setEditing('new')}>
          {t('context:models.add')}
        </button>
      )}
    </div>
  );
}
