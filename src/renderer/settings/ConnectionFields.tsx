import { useId, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeyStatus } from '../../shared/schemas';
import { Field } from '../components/Field';
import { errorText } from '../chat/errorText';
import type { FormErrors, SettingsForm } from './settingsForm';
import type { ConnectionTest } from './useConnectionTest';

interface ConnectionFieldsProps {
  form: SettingsForm;
  errors: FormErrors;
  keyStatus: KeyStatus | null;
  models: string[];
  test: ConnectionTest;
  onChange: (patch: Partial<SettingsForm>) => void;
  onTest: () => void;
}

/** Base URL, API key (with where it is kept), Model with suggestions, and "Test connection". */
export function ConnectionFields(props: ConnectionFieldsProps): ReactElement {
  const { form, errors, keyStatus, models, test, onChange, onTest } = props;
  const { t } = useTranslation();
  const listId = useId();
  const err = (field: keyof FormErrors): string | null => {
    const e = errors[field];
    return e ? t(`settings:${e.key}`, e.values) : null;
  };
  const insecure = keyStatus !== null && !keyStatus.canPersistSecurely;

  return (
    <>
      <Field label={t('settings:baseURL.label')} hint={t('settings:baseURL.hint')} error={err('baseURL')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="url"
            inputMode="url"
            spellCheck={false}
            autoComplete="off"
            value={form.baseURL}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onChange({ baseURL: e.target.value })}
          />
        )}
      </Field>
      <Field label={t('settings:key.label')} hint={<KeyHint keyStatus={keyStatus} />} error={err('key')}>
        {({ id, describedBy, invalid }) => (
          <input
            id={id}
            className="input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            placeholder={
              keyStatus?.configured && keyStatus.last4
                ? t('settings:key.configured', { last4: keyStatus.last4 })
                : t('settings:key.placeholder')
            }
            value={form.key}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onChange({ key: e.target.value })}
          />
        )}
      </Field>
      <label className="check">
        <input
          type="checkbox"
          checked={form.sessionOnly}
          onChange={(e) => onChange({ sessionOnly: e.target.checked })}
        />
        <span>{t('settings:key.sessionOnly')}</span>
      </label>
      <p className="field-hint check-hint">{t('settings:key.sessionOnlyHint')}</p>
      {insecure && (
        <div className="notice notice-warning" role="note">
          <strong>{t('settings:key.noKeychainTitle')}</strong>
          <p>{t('settings:key.noKeychain', { backend: keyStatus.backend })}</p>
        </div>
      )}
      <Field label={t('settings:model.label')} hint={t('settings:model.hint')} error={err('model')}>
        {({ id, describedBy, invalid }) => (
          <>
            <input
              id={id}
              className="input"
              list={listId}
              spellCheck={false}
              autoComplete="off"
              value={form.model}
              aria-describedby={describedBy}
              aria-invalid={invalid}
              onChange={(e) => onChange({ model: e.target.value })}
            />
            <datalist id={listId}>
              {models.map((m) => (
                <option key={m} value={m} />
              ))}
            </datalist>
          </>
        )}
      </Field>
      <div className="test-row">
        <button type="button" className="btn" onClick={onTest} disabled={test.state === 'testing'}>
          {test.state === 'testing' ? t('settings:test.testing') : t('settings:test.button')}
        </button>
        <TestResult test={test} />
      </div>
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
      {where} {t('settings:key.replaceHint')}
    </>
  );
}

function TestResult({ test }: { test: ConnectionTest }): ReactElement | null {
  const { t } = useTranslation();
  if (test.state === 'ok') {
    return (
      <div className="test-result" role="status">
        <p className="test-ok">✓ {t('settings:test.ok', { count: test.count })}</p>
        {!test.modelFound && (
          <p className="test-warn">{t('settings:test.modelMissing', { model: test.model })}</p>
        )}
      </div>
    );
  }
  if (test.state === 'failed') {
    const text = errorText(t, test.error, { baseURL: test.baseURL, model: test.model });
    return (
      <div className="test-result" role="alert">
        <p className="test-failed">{text.summary}</p>
        {text.detail && <p className="field-hint">{text.detail}</p>}
      </div>
    );
  }
  return null;
}
