import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import type { ProviderView } from '../state/providerStore';
import { ConnectionTestRow } from './ConnectionTestRow';
import type { SettingsForm } from './settingsForm';
import type { ConnectionTest } from './useConnectionTest';

/**
 * The Connection section while "On this computer" is in use. Its Base URL is a placeholder that
 * resolves nowhere (the engine's port changes), so it is not shown as an address to edit: the
 * name and the chosen model instead, "Test connection", and a way back to an endpoint.
 */
export function BuiltinConnection({
  form,
  provider,
  test,
  onChange,
  onTest,
}: {
  form: SettingsForm;
  provider: ProviderView | null;
  test: ConnectionTest;
  onChange: (patch: Partial<SettingsForm>) => void;
  onTest: () => void;
}): ReactElement {
  const { t } = useTranslation();
  // The chosen model's file name, as the section below lists it; until it comes (or if it cannot
  // be read), the provider's model id, which the settings' model follows.
  const [chosenName, setChosenName] = useState<string | null>(null);
  useEffect(() => {
    call('localModel.get', {}).then(
      (view) => setChosenName(view.models.find((m) => m.selected)?.name ?? null),
      () => undefined,
    );
  }, []);
  const model = chosenName ?? ((provider?.kind === 'builtin' && provider.defaultModel) || form.model);
  return (
    <div className="builtin-connection" role="group" aria-label={t('settings:builtin.label')}>
      <dl className="builtin-connection-facts">
        <dt>{t('settings:builtin.provider')}</dt>
        <dd>{t('settings:builtin.name')}</dd>
        <dt>{t('settings:builtin.model')}</dt>
        <dd>{model || t('settings:builtin.noModel')}</dd>
      </dl>
      <p className="field-hint">{t('settings:builtin.hint')}</p>
      <ConnectionTestRow test={test} onTest={onTest} />
      <button
        type="button"
        className="btn btn-small btn-quiet"
        // An empty address to type; Cancel keeps "On this computer", Save needs a real one.
        onClick={() => onChange({ baseURL: '' })}
      >
        {t('settings:builtin.useEndpoint')}
      </button>
    </div>
  );
}
