import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { setForm, useTraining } from './trainingState';

/** A whole number kept between `min` and `max` as it is typed. */
function NumberField(props: {
  label: string;
  min: number;
  max: number;
  value: number;
  onChange(value: number): void;
}): ReactElement {
  const clamp = (text: string): number =>
    Math.min(props.max, Math.max(props.min, Math.round(Number(text) || props.min)));
  return (
    <label>
      <span>{props.label}</span>
      <input
        type="number"
        min={props.min}
        max={props.max}
        value={props.value}
        onChange={(event) => props.onChange(clamp(event.target.value))}
      />
    </label>
  );
}

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
      <NumberField
        label={t('training:form.epochs')}
        min={1}
        max={50}
        value={form.epochs}
        onChange={(epochs) => setForm({ epochs })}
      />
      <label>
        <span>{t('training:form.suffix')}</span>
        <input
          value={form.suffix}
          maxLength={40}
          pattern="[A-Za-z0-9_\-]*"
          onChange={(event) => setForm({ suffix: event.target.value })}
        />
      </label>
      <NumberField
        label={t('training:form.validation')}
        min={0}
        max={50}
        value={form.validationPercent}
        onChange={(validationPercent) => setForm({ validationPercent })}
      />
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
