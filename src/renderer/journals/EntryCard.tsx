import { useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journal, JournalEntry } from '../../shared/journalSchemas';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { ageOn, dayLabel } from './format';

/**
 * One entry: its date (and the writer's age then, when the birth year is known), its text as
 * plain text, and the actions: edit text or date, and "Never send to a model".
 */
export function EntryCard({
  entry,
  journal,
  onChange,
  body,
}: {
  entry: JournalEntry;
  journal: Journal;
  onChange: (entry: JournalEntry) => void;
  /** What to show instead of the whole text (a search snippet). */
  body?: ReactNode;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(entry.text);
  const [date, setDate] = useState(entry.date ?? '');
  const [error, setError] = useState<string | null>(null);
  const age = entry.date ? ageOn(entry.date, journal.birthYear) : null;

  const run = (work: Promise<JournalEntry>): void => {
    setError(null);
    work.then(
      (next) => {
        onChange(next);
        setEditing(false);
      },
      (failure: unknown) => setError(errorText(t, failure).summary),
    );
  };
  const headingId = `jr-entry-${entry.id}`;

  return (
    <article className={`jr-entry${entry.excluded ? ' jr-entry-excluded' : ''}`} aria-labelledby={headingId}>
      <header className="jr-entry-head">
        <h3 id={headingId} className="jr-entry-date">
          {entry.date ? dayLabel(entry.date, i18n.language) : t('journals:view.undated')}
          {entry.time && <span className="jr-entry-time"> {entry.time}</span>}
        </h3>
        {age !== null && <span className="jr-chip">{t('journals:view.age', { age })}</span>}
        {entry.edited && <span className="jr-chip">{t('journals:view.edited')}</span>}
        {entry.excluded && <span className="jr-chip jr-chip-warn">{t('journals:view.excluded')}</span>}
        <span className="jr-entry-actions">
          <label className="jr-toggle">
            <input
              type="checkbox"
              checked={entry.excluded}
              onChange={(event) =>
                run(call('journal.setExcluded', { id: entry.id, excluded: event.target.checked }))
              }
            />
            {t('journals:view.exclude')}
          </label>
          {!editing && (
            <button type="button" className="btn btn-small" onClick={() => setEditing(true)}>
              {t('journals:view.edit')}
            </button>
          )}
        </span>
      </header>
      {entry.title && <p className="jr-entry-title">{entry.title}</p>}
      {editing ? (
        <form
          className="jr-edit"
          onSubmit={(event) => {
            event.preventDefault();
            run(call('journal.updateEntry', { id: entry.id, text, date: date === '' ? null : date }));
          }}
        >
          <label className="jr-field jr-field-short">
            <span>{t('journals:view.editDate')}</span>
            <input type="date" value={date} onChange={(event) => setDate(event.target.value)} />
          </label>
          <label className="jr-field">
            <span>{t('journals:view.editText')}</span>
            <textarea value={text} rows={8} onChange={(event) => setText(event.target.value)} />
          </label>
          <div className="jr-form-actions">
            <button type="button" className="btn" onClick={() => setEditing(false)}>
              {t('journals:view.cancelEdit')}
            </button>
            <button type="submit" className="btn btn-primary" disabled={text.trim() === ''}>
              {t('journals:view.saveEdit')}
            </button>
          </div>
        </form>
      ) : (
        // Diary text is untrusted: React text nodes with CSS line breaks, never HTML or Markdown.
        <div className="jr-entry-text">{body ?? entry.text}</div>
      )}
      {error && (
        <p className="jr-invalid" role="alert">
          {error}
        </p>
      )}
    </article>
  );
}
