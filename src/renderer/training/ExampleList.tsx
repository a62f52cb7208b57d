import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingExample } from '../../shared/fineTuningSchemas';
import { removeExample, updateMessage } from './trainingState';

/** Characters of a message shown in the list; the export always has the whole text. */
const PREVIEW_CHARS = 280;

const preview = (text: string): string =>
  text.length > PREVIEW_CHARS ? `${text.slice(0, PREVIEW_CHARS)}…` : text;
const KNOWN_ROLES = new Set(['system', 'user', 'assistant']);

/** What an imported example is recognised by besides its file and line: its first question. */
function firstQuestion(example: TrainingExample): string | null {
  if (example.source === 'conversation') return null;
  const question = example.messages.find((message) => message.role === 'user')?.content.trim();
  return question ? (question.length > 80 ? `${question.slice(0, 80)}…` : question) : null;
}

/** One example, folded: its messages with Include and, for answers, Train on this answer. */
function ExampleItem({ example }: { example: TrainingExample }): ReactElement {
  const { t } = useTranslation();
  return (
    <li className="tr-example">
      <details>
        <summary>
          <span className="tr-source">{t(`training:examples.source.${example.source}`)}</span>{' '}
          <span className="tr-label">{example.label}</span>{' '}
          {firstQuestion(example) && <span className="tr-question">{firstQuestion(example)}</span>}{' '}
          <span className="tr-muted">
            {t('training:examples.messages', { count: example.messages.length })}
          </span>
        </summary>
        {example.raw !== null ? (
          <p className="tr-bad">{t('training:examples.raw', { text: preview(example.raw) })}</p>
        ) : (
          <ol className="tr-messages">
            {example.messages.map((message, index) => (
              <li key={index} className={message.excluded ? 'tr-message tr-excluded' : 'tr-message'}>
                <span className="tr-role">
                  {KNOWN_ROLES.has(message.role) ? t(`training:examples.role.${message.role}`) : message.role}
                </span>
                <span className="tr-text">{preview(message.content)}</span>
                <label className="tr-toggle">
                  <input
                    type="checkbox"
                    checked={!message.excluded}
                    onChange={(event) =>
                      void updateMessage(example.id, index, { excluded: !event.target.checked })
                    }
                  />
                  {t('training:examples.include')}
                </label>
                {message.role === 'assistant' && (
                  <label className="tr-toggle">
                    <input
                      type="checkbox"
                      checked={message.weight === 1}
                      onChange={(event) =>
                        void updateMessage(example.id, index, { weight: event.target.checked ? 1 : 0 })
                      }
                    />
                    {t('training:examples.train')}
                  </label>
                )}
              </li>
            ))}
          </ol>
        )}
      </details>
      <button
        type="button"
        className="btn btn-small tr-remove"
        aria-label={t('training:examples.remove', { label: example.label })}
        onClick={() => void removeExample(example.id)}
      >
        ×
      </button>
    </li>
  );
}

/** The examples of the set, in order. */
export function ExampleList({ examples }: { examples: TrainingExample[] }): ReactElement {
  const { t } = useTranslation();
  return (
    <section className="tr-panel" aria-labelledby="tr-examples-title">
      <h2 id="tr-examples-title">
        {t('training:examples.label')}{' '}
        <span className="tr-muted">{t('training:examples.count', { count: examples.length })}</span>
      </h2>
      {examples.length === 0 ? (
        <p className="tr-muted">{t('training:examples.empty')}</p>
      ) : (
        <ul className="tr-examples">
          {examples.map((example) => (
            <ExampleItem key={example.id} example={example} />
          ))}
        </ul>
      )}
    </section>
  );
}
