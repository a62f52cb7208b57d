import type { TFunction } from 'i18next';

/**
 * The name a provider is shown by. "On this computer" is saved under its English name (the
 * settings file is not translated), so the UI shows it in the UI's language; others keep the
 * name the user gave them.
 */
export function providerName(t: TFunction, provider: { kind: string; name: string }): string {
  return provider.kind === 'builtin' ? t('settings:builtin.name') : provider.name;
}
