import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { originOf, sendsKeyInClear } from '../../shared/endpoint';
import type { KeyStatus } from '../../shared/schemas';
import { CheckField } from '../components/Field';
import { keyMustBeRetyped, needsPlainHttpConsent, type SettingsForm } from './settingsForm';

/** The host of a URL for a sentence, or the text itself when it does not parse. */
function hostOf(url: string): string {
  try {
    return new URL(url.trim()).host || url;
  } catch {
    return url;
  }
}

/**
 * Shown under the Base URL while it is plain http:// to a host outside this computer and the
 * local network: the key would travel unencrypted, so Save needs the box ticked first.
 */
export function PlainHttpWarning({
  form,
  keyStatus,
  onChange,
}: {
  form: SettingsForm;
  keyStatus: KeyStatus | null;
  onChange: (patch: Partial<SettingsForm>) => void;
}): ReactElement | null {
  const { t } = useTranslation();
  if (!sendsKeyInClear(form.baseURL)) return null;
  return (
    <div className="notice notice-warning" role="alert" data-testid="plain-http-warning">
      <strong>{t('settings:baseURL.plainHttpTitle')}</strong>
      <p>{t('settings:baseURL.plainHttpWarning', { host: hostOf(form.baseURL) })}</p>
      {needsPlainHttpConsent(form, keyStatus) && (
        <CheckField
          label={t('settings:baseURL.plainHttpConfirm')}
          checked={form.plainHttpConfirmed}
          onCheckedChange={(plainHttpConfirmed) => onChange({ plainHttpConfirmed })}
        />
      )}
    </div>
  );
}

/**
 * Shown under the key while the saved key cannot go to the form's address (another origin): it
 * must be typed again, or, where the host can ask natively, confirmed for the new address.
 */
export function KeyRetypeNotice({
  form,
  keyStatus,
  onReuseKey,
}: {
  form: SettingsForm;
  keyStatus: KeyStatus | null;
  onReuseKey: () => void;
}): ReactElement | null {
  const { t } = useTranslation();
  if (!keyStatus?.origin || !keyMustBeRetyped(form, keyStatus)) return null;
  return (
    <div className="notice notice-warning" role="note" data-testid="key-retype-notice">
      <p>
        {t('settings:key.boundElsewhere', {
          origin: keyStatus.origin,
          target: originOf(form.baseURL) ?? form.baseURL,
        })}
      </p>
      {keyStatus.canConfirmReuse && (
        <button type="button" className="btn btn-small" onClick={onReuseKey}>
          {t('settings:key.reuse')}
        </button>
      )}
    </div>
  );
}
