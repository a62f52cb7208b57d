import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enChat from './locales/en/chat';
import enCommon from './locales/en/common';
import enContext from './locales/en/context';
import enErrors from './locales/en/errors';
import enJournals from './locales/en/journals';
import enLibrary from './locales/en/library';
import enLocalModel from './locales/en/localModel';
import enPersonas from './locales/en/personas';
import enProviders from './locales/en/providers';
import enSettings from './locales/en/settings';
import enYoungerSelf from './locales/en/youngerSelf';
import enShell from './locales/en/shell';
import enTraining from './locales/en/training';
import zhChat from './locales/zh-CN/chat';
import zhCommon from './locales/zh-CN/common';
import zhContext from './locales/zh-CN/context';
import zhErrors from './locales/zh-CN/errors';
import zhJournals from './locales/zh-CN/journals';
import zhLibrary from './locales/zh-CN/library';
import zhLocalModel from './locales/zh-CN/localModel';
import zhPersonas from './locales/zh-CN/personas';
import zhProviders from './locales/zh-CN/providers';
import zhSettings from './locales/zh-CN/settings';
import zhYoungerSelf from './locales/zh-CN/youngerSelf';
import zhShell from './locales/zh-CN/shell';
import zhTraining from './locales/zh-CN/training';

/**
 * Every visible string goes through i18next. One namespace per area of the UI, one file per
 * namespace and language; English and 简体中文 must have the same keys (tested).
 */
export const resources = {
  en: {
    common: enCommon,
    chat: enChat,
    settings: enSettings,
    library: enLibrary,
    errors: enErrors,
    context: enContext,
    personas: enPersonas,
    journals: enJournals,
    youngerSelf: enYoungerSelf,
    providers: enProviders,
    shell: enShell,
    training: enTraining,
    localModel: enLocalModel,
  },
  'zh-CN': {
    common: zhCommon,
    chat: zhChat,
    settings: zhSettings,
    library: zhLibrary,
    errors: zhErrors,
    context: zhContext,
    personas: zhPersonas,
    journals: zhJournals,
    youngerSelf: zhYoungerSelf,
    providers: zhProviders,
    shell: zhShell,
    training: zhTraining,
    localModel: zhLocalModel,
  },
} as const;

/** The languages the UI ships in. */
export type UiLanguage = keyof typeof resources;

/** Maps an OS or browser language tag to a shipped language (any Chinese → 简体中文). */
export function resolveLanguage(tag: string | undefined): UiLanguage {
  return tag && /^zh\b/i.test(tag) ? 'zh-CN' : 'en';
}

/** Starts i18next before the first render. */
export function initI18n(language: UiLanguage): typeof i18next {
  void i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    ns: [
      'common',
      'chat',
      'settings',
      'library',
      'errors',
      'context',
      'personas',
      'journals',
      'youngerSelf',
      'providers',
      'shell',
      'training',
      'localModel',
    ],
    defaultNS: 'common',
    interpolation: { escapeValue: false }, // React escapes already.
    returnNull: false,
  });
  return i18next;
}
