import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { useProviders } from '../state/providerStore';
import { DetectedServers } from './DetectedServers';
import { ProviderForm } from './ProviderForm';
import { ProviderRow } from './ProviderRow';
import './providers.css';

/**
 * The "Providers" section of Settings: the saved providers (each with its own key, capabilities,
 * Use / Check / Edit / Remove), "Add provider" for any OpenAI-compatible address, and the local
 * servers detected on this computer. It saves on its own, outside the settings form.
 */
export function ProvidersSection({ onAdded }: { onAdded?: () => void }): ReactElement {
  const { t } = useTranslation();
  const providers = useProviders();
  const [adding, setAdding] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  return (
    <section className="settings-section" aria-labelledby="settings-providers">
      <h3 id="settings-providers">{t('providers:title')}</h3>
      <ul className="provider-list" aria-label={t('providers:saved.title')}>
        {(providers ?? []).map((provider) => (
          <ProviderRow key={provider.id} provider={provider} onUsed={onAdded} onRemoved={setNotice} />
        ))}
      </ul>
      {notice && (
        <p className="field-hint provider-notice" role="status">
          {notice}
        </p>
      )}
      {adding ? (
        <ProviderForm onDone={() => setAdding(false)} />
      ) : (
        <button
          type="button"
          className="btn btn-small"
          onClick={() => {
            setNotice(null);
            setAdding(true);
          }}
        >
          {t('providers:form.add')}
        </button>
      )}
      <DetectedServers onAdded={onAdded} />
    </section>
  );
}
