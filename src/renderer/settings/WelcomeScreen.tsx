import type { FormEvent, ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/schemas';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { noteSettings, type SettingsSnapshot } from '../state/settingsStore';
import { ConnectionFields } from './ConnectionFields';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useConnectionTest } from './useConnectionTest';
import { useSettingsForm } from './useSettingsForm';

/**
 * The first screen while no key is configured: one friendly line, the endpoint and key fields,
 * "Test connection", and English / 简体中文. Nothing else can be typed into until it is done.
 */
export function WelcomeScreen({ snapshot }: { snapshot: SettingsSnapshot }): ReactElement {
  const { t, i18n } = useTranslation();
  const { form, errors, saving, saveError, change, save } = useSettingsForm(snapshot, true);
  const { test, models, run } = useConnectionTest(false);

  // The language applies at once, before the rest is filled in.
  const setLanguage = (language: Language): void => {
    change({ language });
    call('settings.update', { language }).then(noteSettings, () => undefined);
  };
  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    void save();
  };
  const shownLanguage: Language = i18n.language === 'zh-CN' ? 'zh-CN' : 'en';
  const saveText = saveError ? errorText(t, saveError, { baseURL: form.baseURL, model: form.model }) : null;

  return (
    <div className="welcome">
      <form className="welcome-card" onSubmit={onSubmit} noValidate>
        <div className="welcome-top">
          <div className="welcome-logo" aria-hidden="true">
            P
          </div>
          <LanguageSwitcher value={shownLanguage} onChange={setLanguage} withSystem={false} />
        </div>
        <h1 className="welcome-title">{t('settings:welcome.title')}</h1>
        <p className="welcome-tagline">{t('settings:welcome.tagline')}</p>
        <p className="muted">{t('settings:welcome.intro')}</p>
        <ConnectionFields
          form={form}
          errors={errors}
          keyStatus={snapshot.key}
          models={models}
          test={test}
          onChange={change}
          onTest={() => void run(form)}
        />
        {saveText && (
          <p className="field-error" role="alert">
            {t('settings:saveFailed', { message: saveText.summary })} {saveText.detail}
          </p>
        )}
        <button type="submit" className="btn btn-primary btn-large" disabled={saving}>
          {saving ? t('common:saving') : t('settings:welcome.start')}
        </button>
        <p className="welcome-privacy">{t('settings:welcome.privacy')}</p>
      </form>
    </div>
  );
}
