import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { BUILTIN_BASE_URL } from '../../shared/builtinProvider';
import type { KeyStatus } from '../../shared/schemas';
import { CheckField, InputField } from '../components/Field';
import { errorText } from '../chat/errorText';
import type { ProviderView } from '../state/providerStore';
import { BuiltinConnection } from './BuiltinConnection';
import { ConnectionTestRow } from './ConnectionTestRow';
import { KeyRetypeNotice, PlainHttpWarning } from './EndpointNotices';
import { keyMustBeRetyped, providerKeyCovers, type FormErrors, type SettingsForm } from './settingsForm';
import type { ConnectionTest } from './useConnectionTest';
import { useErrorText } from './useSettingsScreen';

export interface ConnectionFieldsProps {
  form: SettingsForm;
  errors: FormErrors;
  keyStatus: KeyStatus | null;
  /** The provider in use (null until the list comes): its own key, or "On this computer". */
  provider: ProviderView | null;
  models: string[];
  test: ConnectionTest;
  onChange: (patch: Partial<SettingsForm>) => void;
  onTest: () => void;
  /** Asks main to confirm natively that the saved key may go to the form's new address. */
  onReuseKey: () => void;
}

/**
 * Base URL, API key (with where it is kept, or the provider's own key that goes instead), Model
 * with suggestions, and "Test connection". With "On this computer" in use: its name and model.
 */
export function ConnectionFields(props: ConnectionFieldsProps): ReactElement {
  const { form, errors, keyStatus, provider, models, test, onChange, onTest, onReuseKey } = props;
  const { t } = useTranslation();
  const listId = useId();
  const err = useErrorText(errors);
  if (form.baseURL.trim() === BUILTIN_BASE_URL)
    return (
      <BuiltinConnection form={form} provider={provider} test={test} onChange={onChange} onTest={onTest} />
    );
  const insecure = keyStatus !== null && !keyStatus.canPersistSecurely;
  // The provider's own key goes to its address instead of the one typed here (see credentialsFor).
  const ownKey = providerKeyCovers(form, provider) && provider?.key.source === 'own' ? provider : null;

  return (
    <>
      <InputField
        label={t('settings:baseURL.label')}
        hint={t('settings:baseURL.hint')}
        error={err('baseURL')}
        type="url"
        inputMode="url"
        spellCheck={false}
        autoComplete="off"
        value={form.baseURL}
        onValueChange={(baseURL) => onChange({ baseURL })}
      />
      <PlainHttpWarning form={form} keyStatus={keyStatus} onChange={onChange} />
      <InputField
        label={t('settings:key.label')}
        hint={
          ownKey ? (
            <span className="key-status">
              {t('settings:key.ownKey', { last4: ownKey.key.last4 ?? '', name: ownKey.name })}
            </span>
          ) : (
            <KeyHint keyStatus={keyStatus} />
          )
        }
        error={err('key')}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={
          ownKey
            ? t('settings:key.ownPlaceholder', { last4: ownKey.key.last4 ?? '' })
            : keyMustBeRetyped(form, keyStatus)
              ? t('settings:key.retypePlaceholder')
              : keyStatus?.configured && keyStatus.last4
                ? t('settings:key.configured', { last4: keyStatus.last4 })
                : t('settings:key.placeholder')
        }
        value={form.key}
        onValueChange={(key) => onChange({ key })}
      />
      {!providerKeyCovers(form, provider) && (
        <KeyRetypeNotice form={form} keyStatus={keyStatus} onReuseKey={onReuseKey} />
      )}
      <CheckField
        label={t('settings:key.sessionOnly')}
        checked={form.sessionOnly}
        onCheckedChange={(sessionOnly) => onChange({ sessionOnly })}
      />
      <p className="field-hint check-hint">{t('settings:key.sessionOnlyHint')}</p>
      {insecure && (
        <div className="notice notice-warning" role="note">
          <strong>{t('settings:key.noKeychainTitle')}</strong>
          <p>{t('settings:key.noKeychain', { backend: keyStatus.backend })}</p>
        </div>
      )}
      <InputField
        label={t('settings:model.label')}
        hint={t('settings:model.hint')}
        error={err('model')}
        list={listId}
        spellCheck={false}
        autoComplete="off"
        value={form.model}
        onValueChange={(model) => onChange({ model })}
        after={
          <datalist id={listId}>
            {models.map((m) => (
              <option key={m} value={m} />
            ))}
          </datalist>
        }
      />
      <ConnectionTestRow test={test} onTest={onTest} />
    </>
  );
}

function KeyHint({ keyStatus }: { keyStatus: KeyStatus | null }): ReactElement {
  const { t } = useTranslation();
  if (!keyStatus?.configured) return <>{t('settings:key.anyText')}</>;
  const where =
    keyStatus.storage === 'session'
      ? t('settings:key.storedSession')
      : keyStatus.storage === 'host'
        ? t('settings:key.storedHost')
        : t('settings:key.storedKeychain');
  return (
    <>
      <span className="key-status">{t('settings:key.configured', { last4: keyStatus.last4 ?? '' })}</span> ·{' '}
      {where} {keyStatus.origin && t('settings:key.boundTo', { origin: keyStatus.origin })}{' '}
      {t('settings:key.replaceHint')}
    </>
  );
}

/** Why Save failed, announced; shared by the Settings dialog and the welcome screen. */
export function SaveError({
  error,
  form,
  className,
}: {
  error: unknown;
  form: SettingsForm;
  className: string;
}): ReactElement | null {
  const { t } = useTranslation();
  if (!error) return null;
  const text = errorText(t, error, { baseURL: form.baseURL, model: form.model });
  return (
    <p className={className} role="alert">
      {t('settings:saveFailed', { message: text.summary })} {text.detail}
    </p>
  );
}
