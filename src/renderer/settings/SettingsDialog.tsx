import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/schemas';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { Dialog } from '../components/Dialog';
import { Field } from '../components/Field';
import { noteKeyStatus, type SettingsSnapshot } from '../state/settingsStore';
import { ConnectionFields } from './ConnectionFields';
import { useConnectionTest } from './useConnectionTest';
import { useSettingsForm } from './useSettingsForm';

/**
 * The Settings dialog: connection (Base URL, API key, Model, Test connection), sampling
 * (temperature, top_p, max tokens), the system prompt, language and auto titles.
 */
export function SettingsDialog({
  snapshot,
  onClose,
}: {
  snapshot: SettingsSnapshot;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const { form, errors, saving, saveError, change, save } = useSettingsForm(
    snapshot,
    !snapshot.key.configured,
  );
  const { test, models, run } = useConnectionTest(snapshot.key.configured);
  const [removing, setRemoving] = useState(false);
  const err = (field: 'temperature' | 'topP' | 'maxTokens'): string | null => {
    const e = errors[field];
    return e ? t(`settings:${e.key}`, e.values) : null;
  };

  const onSave = async (): Promise<void> => {
    if (await save()) onClose();
  };
  const removeKey = async (): Promise<void> => {
    setRemoving(true);
    try {
      noteKeyStatus(await call('settings.clearKey', {}));
    } finally {
      setRemoving(false);
    }
  };
  const saveText = saveError ? errorText(t, saveError, { baseURL: form.baseURL, model: form.model }) : null;

  return (
    <Dialog
      title={t('settings:title')}
      onClose={onClose}
      className="dialog-wide"
      footer={
        <>
          {saveText && (
            <p className="field-error footer-error" role="alert">
              {t('settings:saveFailed', { message: saveText.summary })} {saveText.detail}
            </p>
          )}
          <button type="button" className="btn" onClick={onClose}>
            {t('common:cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={saving} onClick={() => void onSave()}>
            {saving ? t('common:saving') : t('common:save')}
          </button>
        </>
      }
    >
      <form className="settings-form" onSubmit={(e) => (e.preventDefault(), void onSave())}>
        <section className="settings-section">
          <h3>{t('settings:sections.connection')}</h3>
          <ConnectionFields
            form={form}
            errors={errors}
            keyStatus={snapshot.key}
            models={models}
            test={test}
            onChange={change}
            onTest={() => void run(form)}
          />
          {snapshot.key.configured && (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              disabled={removing}
              onClick={() => void removeKey()}
            >
              {t('settings:key.remove')}
            </button>
          )}
        </section>
        <section className="settings-section">
          <h3>{t('settings:sections.model')}</h3>
          <div className="field-grid">
            <Field
              label={t('settings:temperature.label')}
              hint={t('settings:temperature.hint')}
              error={err('temperature')}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="input"
                  type="number"
                  min={0}
                  max={2}
                  step={0.1}
                  value={form.temperature}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => change({ temperature: e.target.value })}
                />
              )}
            </Field>
            <Field label={t('settings:topP.label')} hint={t('settings:topP.hint')} error={err('topP')}>
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="input"
                  type="number"
                  min={0}
                  max={1}
                  step={0.05}
                  value={form.topP}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => change({ topP: e.target.value })}
                />
              )}
            </Field>
            <Field
              label={t('settings:maxTokens.label')}
              hint={t('settings:maxTokens.hint')}
              error={err('maxTokens')}
            >
              {({ id, describedBy, invalid }) => (
                <input
                  id={id}
                  className="input"
                  type="number"
                  min={1}
                  step={1}
                  value={form.maxTokens}
                  aria-describedby={describedBy}
                  aria-invalid={invalid}
                  onChange={(e) => change({ maxTokens: e.target.value })}
                />
              )}
            </Field>
          </div>
          <Field label={t('settings:systemPrompt.label')}>
            {({ id }) => (
              <textarea
                id={id}
                className="input textarea"
                rows={4}
                placeholder={t('settings:systemPrompt.placeholder')}
                value={form.systemPrompt}
                onChange={(e) => change({ systemPrompt: e.target.value })}
              />
            )}
          </Field>
        </section>
        <section className="settings-section">
          <h3>{t('settings:sections.app')}</h3>
          <Field label={t('settings:language.label')}>
            {({ id }) => (
              <select
                id={id}
                className="input select"
                value={form.language}
                onChange={(e) => change({ language: e.target.value as Language })}
              >
                <option value="system">{t('common:languages.system')}</option>
                <option value="en" lang="en">
                  {t('common:languages.en')}
                </option>
                <option value="zh-CN" lang="zh-CN">
                  {t('common:languages.zh-CN')}
                </option>
              </select>
            )}
          </Field>
          <label className="check">
            <input
              type="checkbox"
              checked={form.autoTitle}
              onChange={(e) => change({ autoTitle: e.target.checked })}
            />
            <span>{t('settings:autoTitle.label')}</span>
          </label>
        </section>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
