import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../components/Field';
import { Icon } from '../components/Icon';
import { newExample, type ExampleDraft } from './personaForm';

/** The few-shot examples: question/answer pairs, added with "Add example" and removed one by one. */
export function ExampleList({
  examples,
  onChange,
}: {
  examples: ExampleDraft[];
  onChange: (examples: ExampleDraft[]) => void;
}): ReactElement {
  const { t } = useTranslation();
  const edit = (key: number, patch: Partial<ExampleDraft>): void =>
    onChange(examples.map((e) => (e.key === key ? { ...e, ...patch } : e)));

  return (
    <section className="persona-section" aria-labelledby="persona-examples-title">
      <div className="persona-section-head">
        <h3 id="persona-examples-title" className="persona-section-title">
          {t('personas:editor.examples')}
        </h3>
        <button type="button" className="btn btn-small" onClick={() => onChange([...examples, newExample()])}>
          <Icon name="edit" size={14} />
          {t('personas:editor.addExample')}
        </button>
      </div>
      <p className="field-hint persona-section-hint">{t('personas:editor.examplesHint')}</p>
      {examples.map((example, index) => (
        <div
          key={example.key}
          className="persona-example"
          role="group"
          aria-label={t('personas:editor.exampleNumber', { number: index + 1 })}
        >
          <div className="persona-example-head">
            <span className="persona-example-number">
              {t('personas:editor.exampleNumber', { number: index + 1 })}
            </span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('personas:editor.removeExample', { number: index + 1 })}
              title={t('personas:editor.removeExample', { number: index + 1 })}
              onClick={() => onChange(examples.filter((e) => e.key !== example.key))}
            >
              <Icon name="close" size={15} />
            </button>
          </div>
          <Field label={t('personas:editor.exampleQuestion')}>
            {({ id }) => (
              <textarea
                id={id}
                className="input textarea"
                rows={2}
                value={example.user}
                onChange={(event) => edit(example.key, { user: event.target.value })}
              />
            )}
          </Field>
          <Field label={t('personas:editor.exampleAnswer')}>
            {({ id }) => (
              <textarea
                id={id}
                className="input textarea"
                rows={3}
                value={example.assistant}
                onChange={(event) => edit(example.key, { assistant: event.target.value })}
              />
            )}
          </Field>
        </div>
      ))}
    </section>
  );
}
