import { useCallback, useState } from 'react';
import { originOf } from '../../shared/endpoint';
import type { KeyStatus } from '../../shared/schemas';
import { call } from '../bridge/api';
import { noteKeyStatus, noteSettings, type SettingsSnapshot } from '../state/settingsStore';
import {
  formFromSettings,
  settingsFromForm,
  validateForm,
  type FormErrors,
  type ProviderKeyInfo,
  type SettingsForm,
} from './settingsForm';

/** Session-only is the default where the key is already session-only or the OS has no keychain. */
export function defaultSessionOnly(key: KeyStatus): boolean {
  return key.storage === 'session' || !key.canPersistSecurely;
}

/**
 * The Settings form's state and its Save: settings first, then the key if one was typed.
 * `provider`: the one in use, whose own key means none is asked for here.
 */
export function useSettingsForm(
  snapshot: SettingsSnapshot,
  needKey: boolean,
  provider: ProviderKeyInfo | null = null,
): {
  form: SettingsForm;
  errors: FormErrors;
  saving: boolean;
  saveError: unknown;
  change: (patch: Partial<SettingsForm>) => void;
  save: () => Promise<boolean>;
} {
  const [form, setForm] = useState(() =>
    formFromSettings(snapshot.settings, defaultSessionOnly(snapshot.key)),
  );
  const [errors, setErrors] = useState<FormErrors>({});
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);

  const change = useCallback((patch: Partial<SettingsForm>) => {
    setForm((current) => {
      const next = { ...current, ...patch };
      // A consent to plain http is for one address: another origin must be confirmed anew.
      if (patch.baseURL !== undefined && originOf(patch.baseURL) !== originOf(current.baseURL))
        next.plainHttpConfirmed = false;
      return next;
    });
    setErrors((current) => {
      const next = { ...current };
      for (const field of Object.keys(patch)) delete next[field as keyof FormErrors];
      return next;
    });
  }, []);

  const save = async (): Promise<boolean> => {
    const found = validateForm(form, needKey, snapshot.key, provider);
    setErrors(found);
    setSaveError(null);
    if (Object.keys(found).length > 0) return false;
    setSaving(true);
    try {
      noteSettings(await call('settings.update', settingsFromForm(form)));
      const key = form.key.trim();
      // After the address: main binds the key to the Base URL saved at that moment.
      if (key) {
        noteKeyStatus(
          await call('settings.setKey', {
            key,
            persist: !form.sessionOnly,
            allowPlainHttp: form.plainHttpConfirmed,
          }),
        );
      }
      setForm((current) => ({ ...current, key: '' }));
      // Saving reads the model list again, so the model table learns the windows the (new)
      // server reports. A failure here is the connection test's to explain, not the save's.
      void call('models.list', {}).catch(() => undefined);
      return true;
    } catch (error) {
      setSaveError(error);
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { form, errors, saving, saveError, change, save };
}
