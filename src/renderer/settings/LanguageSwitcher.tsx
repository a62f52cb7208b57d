import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../shared/schemas';

interface LanguageSwitcherProps {
  value: Language;
  onChange: (language: Language) => void;
  /** Offer "System" too (the Settings dialog); the welcome screen offers the two languages only. */
  withSystem: boolean;
}

/** Every language choice, "System" first; each is named by `common:languages.<choice>`. */
export const LANGUAGES: readonly Language[] = ['system', 'en', 'zh-CN'];

/** English / 简体中文 (and System) as a row of toggle buttons; each shows its name in its own language. */
export function LanguageSwitcher({ value, onChange, withSystem }: LanguageSwitcherProps): ReactElement {
  const { t } = useTranslation();
  const choices = withSystem ? LANGUAGES : LANGUAGES.filter((l) => l !== 'system');
  return (
    <div className="segmented" role="group" aria-label={t('settings:language.label')}>
      {choices.map((language) => (
        <button
          key={language}
          type="button"
          lang={language === 'system' ? undefined : language}
          className="segmented-item"
          aria-pressed={value === language}
          onClick={() => onChange(language)}
        >
          {t(`common:languages.${language}`)}
        </button>
      ))}
    </div>
  );
}
