import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { sendsKeyInClear } from '../../shared/endpoint';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { CheckField, InputField } from '../components/Field';
import { noteProviders, type ProviderView } from '../state/providerStore';

/**
 * "Add provider" (no `provider`) or "Edit" (with one): name, Base URL, its own API key and the
 * default model. The key is sent once to main, which encrypts it and binds it to the address's
 * origin; the form never sees a saved key again.
 */
export function ProviderForm({
  provider,
  onDone,
}: {
  provider?: ProviderView;
  onDone: (id: string | null) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [name, setName] = useState(provider?.name ?? '');
  const [baseURL, setBaseURL] = useState(provider?.baseURL ?? '');
  const [defaultModel, setDefaultModel] = useState(provider?.defaultModel ?? '');
  const [key, setKey] = useState('');
  const [allowPlainHttp, setAllowPlainHttp] = useState(false);
  const [problem, setProblem] = useState<{ field: 'name' | 'baseURL' | null; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const plainHttp = key.trim() !== '' && sendsKeyInClear(baseURL.trim());

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!name.trim()) return setProblem({ field: 'name', text: t('providers:form.nameRequired') });
    if (!baseURL.trim()) return setProblem({ field: 'baseURL', text: t('providers:form.baseURLRequired') });
    setProblem(null);
    setBusy(true);
    const typedKey = key.trim() ? { key: key.trim(), allowPlainHttp } : undefined;
    try {
      const fields = { name: name.trim(), baseURL: baseURL.trim(), defaultModel: defaultModel.trim() };
      let id: string;
      if (provider) {
        // The address first, so the key typed with it is bound to the new origin.
        noteProviders((await call('provider.update', { id: provider.id, ...fields })).providers);
        if (typedKey)
          noteProviders((await call('provider.setKey', { id: provider.id, ...typedKey })).providers);
        id = provider.id;
      } else {
        const added = await call('provider.add', { ...fields, key: typedKey });
        noteProviders(added.providers);
        id = added.id;
      }
      onDone(id);
    } catch (error) {
      setProblem({ field: null, text: errorText(t, error).summary });
    } finally {
      setBusy(false);
    }
  };

  const title = provider
    ? t('providers:form.editTitle', { name: provider.name })
    : t('providers:form.addTitle');
  return (
    <form className="provider-form" aria-label={title} onSubmit={(event) => void submit(event)} noValidate>
      <h4>{title}</h4>
      <div className="field-grid provider-form-grid">
        <InputField
          label={t('providers:form.name')}
          value={name}
          onValueChange={setName}
          error={problem?.field === 'name' ? problem.text : null}
          maxLength={100}
        />
        <InputField
          label={t('providers:form.baseURL')}
          value={baseURL}
          onValueChange={setBaseURL}
          hint={t('providers:form.baseURLHint')}
          error={problem?.field === 'baseURL' ? problem.text : null}
          spellCheck={false}
          inputMode="url"
        />
        <InputField
          label={t('providers:form.defaultModel')}
          value={defaultModel}
          onValueChange={setDefaultModel}
          list={provider?.capabilities ? `provider-models-${provider.id}` : undefined}
          spellCheck={false}
          after={
            provider?.capabilities && (
              <datalist id={`provider-models-${provider.id}`}>
                {provider.capabilities.models.map((model) => (
                  <option key={model} value={model} />
                ))}
              </datalist>
            )
          }
        />
      </div>
      <InputField
        label={t('providers:form.key')}
        type="password"
        autoComplete="off"
        value={key}
        onValueChange={setKey}
        hint={provider ? t('providers:form.keyEditHint') : t('providers:form.keyHint')}
      />
      {plainHttp && (
        <div className="provider-plain-http">
          <p className="field-hint test-warn">{t('providers:form.plainHttpWarning')}</p>
          <CheckField
            label={t('providers:form.plainHttp')}
            checked={allowPlainHttp}
            onCheckedChange={setAllowPlainHttp}
          />
        </div>
      )}
      {problem?.field === null && (
        <p className="field-error" role="alert">
          {problem.text}
        </p>
      )}
      <div className="provider-form-actions">
        <button type="submit" className="btn btn-primary btn-small" disabled={busy}>
          {t('providers:form.save')}
        </button>
        <button type="button" className="btn btn-small btn-quiet" onClick={() => onDone(null)}>
          {t('providers:form.cancel')}
        </button>
      </div>
    </form>
  );
}
