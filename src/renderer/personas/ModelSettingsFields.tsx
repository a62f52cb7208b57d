import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, InputField } from '../components/Field';
import { PersonaProviderField } from '../providers/PersonaProviderField';
import type { DraftError, DraftField, PersonaDraft } from './personaForm';

interface ModelSettingsFieldsProps {
  draft: PersonaDraft;
  errors: Partial<Record<DraftField, DraftError>>;
  /** The app's model, shown as what an empty Model field means. */
  appModel: string;
  onChange: (patch: Partial<PersonaDraft>) => void;
}

type NumberField = 'temperature' | 'topP' | 'maxTokens' | 'presencePenalty' | 'frequencyPenalty';

/** The persona's model settings, stop sequences and prompt format (chat, or a text template). */
export function ModelSettingsFields({
  draft,
  errors,
  appModel,
  onChange,
}: ModelSettingsFieldsProps): ReactElement {
  const { t } = useTranslation();
  const errorOf = (field: DraftField): string | null => {
    const error = errors[field];
    return error ? t(`personas:errors.${error.key}`, error.values) : null;
  };
  const numberField = (field: NumberField, step: string): ReactElement => (
    <InputField
      label={t(`personas:editor.${field}`)}
      value={draft[field]}
      inputMode="decimal"
      step={step}
      placeholder={t('personas:editor.defaultValue')}
      error={errorOf(field)}
      onValueChange={(value) => onChange({ [field]: value })}
    />
  );
  const completion = draft.promptFormat === 'completion';

  return (
    <section className="persona-section" aria-labelledby="persona-model-title">
      <h3 id="persona-model-title" className="persona-section-title">
        {t('personas:editor.modelSettings')}
      </h3>
      <p className="field-hint persona-section-hint">{t('personas:editor.modelSettingsHint')}</p>
      <InputField
        label={t('personas:editor.model')}
        value={draft.model}
        placeholder={appModel ? t('personas:editor.modelDefault', { model: appModel }) : ''}
        spellCheck={false}
        onValueChange={(model) => onChange({ model })}
      />
      <PersonaProviderField value={draft.providerId} onChange={(providerId) => onChange({ providerId })} />
      <div className="persona-grid">
        {numberField('temperature', '0.1')}
        {numberField('topP', '0.05')}
        {numberField('maxTokens', '1')}
        {numberField('presencePenalty', '0.1')}
        {numberField('frequencyPenalty', '0.1')}
      </div>
      <Field label={t('personas:editor.stop')} hint={t('personas:editor.stopHint')} error={errorOf('stop')}>
        {({ id, describedBy, invalid }) => (
          <textarea
            id={id}
            className="input textarea persona-mono"
            rows={3}
            spellCheck={false}
            value={draft.stop}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(event) => onChange({ stop: event.target.value })}
          />
        )}
      </Field>

      <div className="field" role="group" aria-labelledby="persona-format-label">
        <span id="persona-format-label" className="field-label">
          {t('personas:editor.promptFormat')}
        </span>
        <div className="segmented persona-format">
          {(['chat', 'completion'] as const).map((format) => (
            <button
              key={format}
              type="button"
              className="segmented-item"
              aria-pressed={draft.promptFormat === format}
              onClick={() => onChange({ promptFormat: format })}
            >
              {t(format === 'chat' ? 'personas:editor.formatChat' : 'personas:editor.formatCompletion')}
            </button>
          ))}
        </div>
        {completion && <p className="field-hint">{t('personas:editor.formatCompletionHint')}</p>}
      </div>
      {completion && (
        <div className="persona-template">
          <Field label={t('personas:editor.instruction')}>
            {({ id }) => (
              <textarea
                id={id}
                className="input textarea"
                rows={3}
                value={draft.instruction}
                onChange={(event) => onChange({ instruction: event.target.value })}
              />
            )}
          </Field>
          <div className="persona-grid persona-grid-two">
            <InputField
              label={t('personas:editor.userLabel')}
              value={draft.userLabel}
              maxLength={40}
              error={errorOf('userLabel')}
              onValueChange={(userLabel) => onChange({ userLabel })}
            />
            <InputField
              label={t('personas:editor.assistantLabel')}
              value={draft.assistantLabel}
              maxLength={40}
              error={errorOf('assistantLabel')}
              onValueChange={(assistantLabel) => onChange({ assistantLabel })}
            />
          </div>
        </div>
      )}
    </section>
  );
}
