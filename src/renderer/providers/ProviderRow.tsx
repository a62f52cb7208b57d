import type { TFunction } from 'i18next';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { checkProvider, useProviderCheck } from '../state/providerChecks';
import { noteProviders, reloadProviders, type ProviderView } from '../state/providerStore';
import { ProviderForm } from './ProviderForm';
import { providerName } from './providerName';

/** Which key goes to a provider, as the list says it ("Own key …abcd"). */
export function keyText(t: TFunction, key: ProviderView['key']): string {
  if (key.stale) return t('providers:key.stale');
  if (key.source === 'own' || key.source === 'settings')
    return t(`providers:key.${key.source}`, { last4: key.last4 ?? '' });
  return t(`providers:key.${key.source}`);
}

/** What the last check found: models, streaming usage, /v1/completions, the context window. */
export function capabilityText(t: TFunction, capabilities: ProviderView['capabilities']): string {
  if (!capabilities) return t('providers:capabilities.unchecked');
  const yesNo = (value: boolean | null) =>
    t(`providers:capabilities.${value === null ? 'unknown' : value ? 'yes' : 'no'}`);
  const parts = [
    t('providers:capabilities.models', { count: capabilities.models.length }),
    t('providers:capabilities.usage', { value: yesNo(capabilities.streamingUsage) }),
    t('providers:capabilities.completions', { value: yesNo(capabilities.completions) }),
  ];
  if (capabilities.contextLength)
    parts.push(t('providers:capabilities.context', { count: capabilities.contextLength }));
  return parts.join(' · ');
}

/**
 * One saved provider: name and address, which key goes there, what it can do, how many
 * conversations chose it, and Use / Check / Edit / Remove.
 */
export function ProviderRow({
  provider,
  onUsed,
  onRemoved,
}: {
  provider: ProviderView;
  onUsed?: () => void;
  onRemoved: (message: string, id: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const shownName = providerName(t, provider);
  const [editing, setEditing] = useState(false);
  // Kept by provider id outside the row: "Add" starts a check the row may not be drawn for yet.
  const { checking, error: checkError } = useProviderCheck(provider.id);
  const [error, setError] = useState<string | null>(null);
  const run = async (work: () => Promise<void>): Promise<void> => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(errorText(t, err).summary);
    }
  };
  const use = () =>
    run(async () => {
      await call('provider.use', { id: provider.id });
      await reloadProviders();
      onUsed?.();
    });
  const check = () => {
    setError(null);
    void checkProvider(provider.id);
  };
  const remove = () =>
    run(async () => {
      const result = await call('provider.remove', { id: provider.id });
      noteProviders(result.providers);
      const fallback =
        result.providers.find((p) => p.id === result.switchedTo) ?? result.providers.find((p) => p.inUse);
      const values = { name: shownName, fallback: fallback ? providerName(t, fallback) : '' };
      onRemoved(
        t(result.switchedTo ? 'providers:saved.removedSwitched' : 'providers:saved.removed', values),
        provider.id,
      );
    });
  const named = (key: string) => t(`providers:saved.${key}Named`, { name: shownName });
  const builtin = provider.kind === 'builtin';

  return (
    <li className="provider-row">
      <div className="provider-row-main">
        <span className="provider-row-name">
          {/* "On this computer" has a placeholder address (the engine's port changes): its name says it. */}
          {builtin
            ? shownName
            : t('providers:saved.entry', { name: provider.name, address: provider.baseURL })}
        </span>
        <span className="field-hint">
          {[
            keyText(t, provider.key),
            capabilityText(t, provider.capabilities),
            provider.conversations > 0
              ? t('providers:saved.conversations', { count: provider.conversations })
              : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </span>
        {(error !== null || checkError !== null) && (
          <span className="field-error" role="alert">
            {error ?? t('providers:saved.checkFailed', { message: errorText(t, checkError).summary })}
          </span>
        )}
      </div>
      <div className="provider-row-actions">
        {provider.inUse ? (
          <span className="field-hint">{t('providers:saved.inUse')}</span>
        ) : (
          <button
            type="button"
            className="btn btn-small"
            aria-label={named('use')}
            onClick={() => void use()}
          >
            {t('providers:saved.use')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-quiet"
          aria-label={named('check')}
          disabled={checking}
          onClick={check}
        >
          {checking ? t('providers:saved.checking') : t('providers:saved.check')}
        </button>
        {!builtin && (
          <button
            type="button"
            className="btn btn-small btn-quiet"
            aria-label={named('edit')}
            aria-expanded={editing}
            onClick={() => setEditing(!editing)}
          >
            {t('providers:saved.edit')}
          </button>
        )}
        <button
          type="button"
          className="btn btn-small btn-quiet"
          aria-label={named('remove')}
          onClick={() => void remove()}
        >
          {t('providers:saved.remove')}
        </button>
      </div>
      {editing && <ProviderForm provider={provider} onDone={() => setEditing(false)} />}
    </li>
  );
}
