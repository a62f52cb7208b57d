import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { checkProvider } from '../state/providerChecks';
import { noteProviders, useProviders } from '../state/providerStore';
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
  const [notice, setNotice] = useState<{ text: string; removedId: string | null } | null>(null);
  const undo = async (id: string): Promise<void> => {
    try {
      noteProviders((await call('provider.restore', { id })).providers);
      setNotice(null);
    } catch (error) {
      setNotice({ text: errorText(t, error).summary, removedId: null });
    }
  };

  return (
    <section className="settings-section" aria-labelledby="settings-providers">
      <h3 id="settings-providers">{t('providers:title')}</h3>
      <ul className="provider-list" aria-label={t('providers:saved.title')}>
        {(providers ?? []).map((provider) => (
          <ProviderRow
            key={provider.id}
            provider={provider}
            onUsed={onAdded}
            onRemoved={(text, removedId) => setNotice({ text, removedId })}
          />
        ))}
      </ul>
      {notice && (
        <p className="field-hint provider-notice" role="status">
          {notice.text}{' '}
          {notice.removedId && (
            <button
              type="button"
              className="btn btn-small btn-quiet"
              onClick={() => void undo(notice.removedId!)}
            >
              {t('providers:saved.undo')}
            </button>
          )}
        </p>
      )}
      {adding ? (
        <ProviderForm
          onDone={(id) => {
            setAdding(false);
            // What it can do is found at once; a failed check leaves it added and says why.
            if (id) void checkProvider(id);
          }}
        />
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
