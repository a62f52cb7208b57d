import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { setForm, useTraining } from './trainingState';

/** Base model (suggested from the provider's list), epochs, suffix and validation share. */
export function TrainingForm(): ReactElement {
  const { t } = useTranslation();
  const { form, report } = useTraining();
  const [models, setModels] = useState<string[]>([]);
  useEffect(() => {
    // Suggestions only: a provider without a model list still takes a typed name.
    call('models.list', {}).then(
      (result) => setModels(result.models.filter((id) => !id.startsWith('ft:'))),
      () => setModels([]),
    );
  }, []);
  const hasWarnings = report?.issues.some((issue) => issue.severity === 'warning') ?? false;
  return (
    <fieldset className="tr-form">
      <legend>{t('training:form.label')}</legend>
      <label>
        <span>{t('training:form.model')}</span>
        <input
          list="tr-models"
          value={form.model}
          onChange={(event) => setForm({ model: event.target.value })}
        />
        <datalist id="tr-models">
          {models.map((id) => (
            <option key={id} value={id} />
          ))}
        </datalist>
      </label>
      <label>
        <span>{t('training:form.epochs')}</span>
        <input
          type="number"
          min={1}
          max={50}
          value={form.epochs}
          onChange={(event) =>
            setForm({ epochs: Math.min(50, Math.max(1, Math.round(Number(event.target.value) || 1))) })
          }
        />
      </label>
      <label>
        <span>{t('training:form.suffix')}</span>
        <input
          value={form.suffix}
          maxLength={40}
          pattern="[A-Za-z0-9_\-]*"
          onChange={(event) => setForm({ suffix: event.target.value })}
        />
      </label>
      <label>
        <span>{t('training:form.validation')}</span>
        <input
          type="number"
          min={0}
          max={50}
          value={form.validationPercent}
          onChange={(event) =>
            setForm({
              validationPercent: Math.min(50, Math.max(0, Math.round(Number(event.target.value) || 0))),
            })
          }
        />
      </label>
      {hasWarnings && (
        <label className="tr-toggle">
          <input
            type="checkbox"
            checked={form.acceptWarnings}
            onChange={(event) => setForm({ acceptWarnings: event.target.checked })}
          />
          {t('training:form.accept')}
        </label>
      )}
    </fieldset>
  );
}
