import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Output } from '../../shared/contract';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { checkProvider } from '../state/providerChecks';
import { currentProviders, reloadProviders } from '../state/providerStore';

type DetectedServer = Output<'provider.detect'>['servers'][number];

/**
 * "Detected": local model servers found on their default ports ("Ollama — localhost:11434"),
 * each with "Add", which saves it and makes it the endpoint chat uses.
 */
export function DetectedServers({ onAdded }: { onAdded?: () => void }): ReactElement {
  const { t } = useTranslation();
  const [servers, setServers] = useState<DetectedServer[] | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const detect = async (): Promise<void> => {
    setServers(null);
    try {
      setServers((await call('provider.detect', {})).servers);
    } catch (err) {
      setServers([]);
      setError(errorText(t, err).summary);
    }
  };
  useEffect(() => {
    void detect();
    // Once when the section opens; "Look again" repeats it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const add = async (server: DetectedServer): Promise<void> => {
    setError(null);
    try {
      await call('provider.addLocal', {
        baseURL: server.baseURL,
        model: server.models[0],
        name: server.name,
      });
      setAdded(server.baseURL);
      await reloadProviders();
      // The server added is the one in use now; its check goes on after the dialog closes.
      const saved = currentProviders()?.find((provider) => provider.inUse);
      if (saved) void checkProvider(saved.id);
      onAdded?.();
    } catch (err) {
      setError(errorText(t, err).summary);
    }
  };

  return (
    <>
      <h4 id="providers-detected">{t('providers:detected.title')}</h4>
      {servers === null ? (
        <p className="field-hint">{t('providers:detected.looking')}</p>
      ) : servers.length === 0 ? (
        <p className="field-hint">{t('providers:detected.none')}</p>
      ) : (
        <ul className="provider-list" aria-labelledby="providers-detected">
          {servers.map((server) => (
            <li key={server.baseURL} className="provider-row">
              <span>{t('providers:detected.entry', { name: server.name, address: server.address })}</span>
              {added === server.baseURL ? (
                <span className="field-hint">{t('providers:detected.inUse')}</span>
              ) : (
                <button
                  type="button"
                  className="btn btn-small"
                  aria-label={t('providers:detected.addNamed', { name: server.name })}
                  onClick={() => void add(server)}
                >
                  {t('providers:detected.add')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="btn btn-small btn-quiet" onClick={() => void detect()}>
        {t('providers:detected.again')}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}
