import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { useProviders } from '../state/providerStore';
import { providerName } from './providerName';

/**
 * The persona editor's "Provider": a saved provider its new conversations answer with, or the
 * provider in use (''). A provider removed since is kept as chosen and shown by its id, so saving
 * the persona does not drop the choice.
 */
export function PersonaProviderField({
  value,
  onChange,
}: {
  value: string;
  onChange: (providerId: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const providers = useProviders() ?? [];
  const known = value === '' || providers.some((p) => p.id === value);
  return (
    <Field label={t('providers:persona.label')} hint={t('providers:persona.hint')}>
      {({ id, describedBy }) => (
        <select
          id={id}
          className="input"
          value={value}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        >
          <option value="">{t('providers:persona.inUse')}</option>
          {providers.map((provider) => (
            <option key={provider.id} value={provider.id}>
              {providerName(t, provider)}
            </option>
          ))}
          {!known && <option value={value}>{value}</option>}
        </select>
      )}
    </Field>
  );
}
