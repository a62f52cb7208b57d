import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/schemas';
import { call } from '../bridge/api';
import { LocalModelSection } from '../localModel/LocalModelSection';
import { noteSettings, type SettingsSnapshot } from '../state/settingsStore';
import { ConnectionFields, SaveError } from './ConnectionFields';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useSettingsScreen } from './useSettingsScreen';

/**
 * The first screen while no key is configured: one friendly line, the endpoint and key fields,
 * "Test connection", and English / 简体中文. Nothing else can be typed into until it is done.
 */
export function WelcomeScreen({ snapshot }: { snapshot: SettingsSnapshot }): ReactElement {
  const { t, i18n } = useTranslation();
  const { form, saving, saveError, change, save, connection } = useSettingsScreen(snapshot, true, false);

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
  // "Use a model on this computer": no key, no account; choosing a model leaves this screen.
  const [local, setLocal] = useState(false);

  const top = (
    <>
      <div className="welcome-top">
        <div className="welcome-logo" aria-hidden="true">
          P
        </div>
        <LanguageSwitcher value={shownLanguage} onChange={setLanguage} withSystem={false} />
      </div>
      <h1 className="welcome-title">{t('settings:welcome.title')}</h1>
      <p className="welcome-tagline">{t('settings:welcome.tagline')}</p>
    </>
  );
  const choice = (
    <div className="welcome-choice">
      <button type="button" className="btn" onClick={() => setLocal(!local)}>
        {local ? t('localModel:backToKey') : t('localModel:useHere')}
      </button>
    </div>
  );

  return (
    <div className="welcome">
      {local ? (
        // Not a form: the section has forms of its own (a file path, an address).
        <div className="welcome-card">
          {top}
          <LocalModelSection compact />
          {choice}
        </div>
      ) : (
        <form className="welcome-card" onSubmit={onSubmit} noValidate>
          {top}
          <p className="muted">{t('settings:welcome.intro')}</p>
          <ConnectionFields {...connection} />
          <SaveError error={saveError} form={form} className="field-error" />
          <button type="submit" className="btn btn-primary btn-large" disabled={saving}>
            {saving ? t('common:saving') : t('settings:welcome.start')}
          </button>
          {choice}
          <p className="welcome-privacy">{t('settings:welcome.privacy')}</p>
        </form>
      )}
    </div>
  );
}
