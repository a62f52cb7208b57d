import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_BASE_URL } from '../../shared/builtinProvider';
import type { Language } from '../../shared/schemas';
import { call } from '../bridge/api';
import { Dialog } from '../components/Dialog';
import { CheckField, Field, InputField } from '../components/Field';
import { ModelTableEditor } from '../context/ModelTableEditor';
import { MonthlyUsage } from '../context/MonthlyUsage';
import { LocalModelSection } from '../localModel/LocalModelSection';
import { ProvidersSection } from '../providers/ProvidersSection';
import { ProxyFields } from '../providers/ProxyFields';
import { noteKeyStatus, type SettingsSnapshot } from '../state/settingsStore';
import { ConnectionFields, SaveError } from './ConnectionFields';
import { ShellFields } from './ShellFields';
import { LANGUAGES } from './LanguageSwitcher';
import { useErrorText, useSettingsScreen } from './useSettingsScreen';

/** A number setting in the Model section, labelled and hinted from `settings:<name>.label` / `.hint`. */
function NumberField({
  name,
  value,
  error,
  onChange,
  ...range
}: {
  name: 'temperature' | 'topP' | 'maxTokens';
  value: string;
  error: string | null;
  onChange: (value: string) => void;
  min: number;
  max?: number;
  step: number;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <InputField
      label={t(`settings:${name}.label`)}
      hint={t(`settings:${name}.hint`)}
      error={error}
      type="number"
      {...range}
      value={value}
      onValueChange={onChange}
    />
  );
}

/**
 * The Settings dialog: connection (Base URL, API key, Model, Test connection), sampling
 * (temperature, top_p, max tokens), the system prompt, language and auto titles; then the model
 * table and this month's usage.
 */
export function SettingsDialog({
  snapshot,
  onClose,
}: {
  snapshot: SettingsSnapshot;
  onClose: () => void;
}): ReactElement {
  const { t } = useTranslation();
  const { form, errors, saving, saveError, change, save, connection } = useSettingsScreen(
    snapshot,
    !snapshot.key.configured,
    snapshot.key.configured,
  );
  const [removing, setRemoving] = useState(false);
  const err = useErrorText(errors);

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

  return (
    <Dialog
      title={t('settings:title')}
      onClose={onClose}
      className="dialog-wide"
      footer={
        <>
          <SaveError error={saveError} form={form} className="field-error footer-error" />
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
          <ConnectionFields {...connection} />
          {/* The Connection key is no business of "On this computer", which needs none. */}
          {snapshot.key.configured && form.baseURL.trim() !== BUILTIN_BASE_URL && (
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
            <NumberField
              name="temperature"
              min={0}
              max={2}
              step={0.1}
              value={form.temperature}
              error={err('temperature')}
              onChange={(temperature) => change({ temperature })}
            />
            <NumberField
              name="topP"
              min={0}
              max={1}
              step={0.05}
              value={form.topP}
              error={err('topP')}
              onChange={(topP) => change({ topP })}
            />
            <NumberField
              name="maxTokens"
              min={1}
              step={1}
              value={form.maxTokens}
              error={err('maxTokens')}
              onChange={(maxTokens) => change({ maxTokens })}
            />
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
                {LANGUAGES.map((language) => (
                  <option key={language} value={language} lang={language === 'system' ? undefined : language}>
                    {t(`common:languages.${language}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <CheckField
            label={t('settings:autoTitle.label')}
            checked={form.autoTitle}
            onCheckedChange={(autoTitle) => change({ autoTitle })}
          />
        </section>
        <button type="submit" hidden />
      </form>
      {/* Outside the form: they save on their own, and Enter in them must not save the settings. */}
      <ProvidersSection onAdded={onClose} />
      <LocalModelSection />
      <ProxyFields />
      <ShellFields />
      <section className="settings-section" aria-labelledby="settings-models">
        <h3 id="settings-models">{t('context:models.title')}</h3>
        <ModelTableEditor />
      </section>
      <section className="settings-section" aria-labelledby="settings-usage">
        <h3 id="settings-usage">{t('context:usage.month')}</h3>
        <MonthlyUsage />
      </section>
    </Dialog>
  );
}
