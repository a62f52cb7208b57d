import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { useProviders } from '../state/providerStore';
import { noteKeyStatus, type SettingsSnapshot } from '../state/settingsStore';
import type { ConnectionFieldsProps } from './ConnectionFields';
import type { FormErrors } from './settingsForm';
import { useConnectionTest } from './useConnectionTest';
import { useSettingsForm } from './useSettingsForm';

/**
 * What the Settings dialog and the welcome screen share: the form and its Save, the connection
 * test, and the props for `<ConnectionFields>` wired to both.
 */
export function useSettingsScreen(
  snapshot: SettingsSnapshot,
  needKey: boolean,
  loadSavedModels: boolean,
): ReturnType<typeof useSettingsForm> & { connection: ConnectionFieldsProps } {
  const provider = useProviders()?.find((p) => p.inUse) ?? null;
  const formState = useSettingsForm(snapshot, needKey, provider);
  const { test, models, run } = useConnectionTest(loadSavedModels);
  const { form, errors, change } = formState;
  return {
    ...formState,
    connection: {
      form,
      errors,
      keyStatus: snapshot.key,
      provider,
      models,
      test,
      onChange: change,
      onTest: () => void run(form),
      // The answer comes from a native dialog in main; a host without one refuses (retype instead).
      onReuseKey: () =>
        void call('settings.reuseKey', { baseURL: form.baseURL.trim() }).then(
          (result) => noteKeyStatus(result.key),
          () => undefined,
        ),
    },
  };
}

/** A field's inline error as text, or null when it has none. */
export function useErrorText(errors: FormErrors): (field: keyof FormErrors) => string | null {
  const { t } = useTranslation();
  return (field) => {
    const e = errors[field];
    return e ? t(`settings:${e.key}`, e.values) : null;
  };
}
