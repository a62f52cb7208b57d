import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { DateOrderSchema, type DateOrder, type JournalPreview } from '../../shared/journalSchemas';
import { errorText } from '../chat/errorText';
import { dayLabel } from './format';
import { ImportProgress } from './ImportPanel';
import { cancelPreview, changeDateOrder, saveJournal, useJournals } from './journalsState';
import { MonthBars } from './MonthBars';
import { warningText } from './warningText';

/** "1,930 entries" and "1 January 1660 – 31 May 1669" for a preview or a journal. */
export function CountAndRange({
  count,
  from,
  to,
  ns = 'journals:',
}: {
  count: number;
  from: string | null;
  to: string | null;
  ns?: string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const formatted = count.toLocaleString(i18n.language);
  return (
    <p className="jr-count">
      <strong>{t(`${ns}entries`, { count, formatted })}</strong>
      <span className="jr-range">
        {from && to
          ? t('journals:range', { from: dayLabel(from, i18n.language), to: dayLabel(to, i18n.language) })
          : t('journals:noDates')}
      </span>
    </p>
  );
}

function EntrySample({ entry }: { entry: JournalPreview['samples'][number] }): ReactElement {
  const { i18n } = useTranslation();
  return (
    <li className="jr-sample">
      <span className="jr-sample-date">
        {entry.date ? dayLabel(entry.date, i18n.language) : entry.sourceFile}
      </span>
      {entry.title && <span className="jr-sample-title">{entry.title}</span>}
      {/* Diary text is untrusted: a text node, shown with its line breaks, never HTML. */}
      <span className="jr-sample-text">{entry.text}</span>
    </li>
  );
}

const YEAR = /^\d{4}$/;

/**
 * What an import found, before anything is saved: count, range, entries per month, undated
 * entries, samples and the parser's notes; the owner's name, birth year and date pattern can be
 * set, then "Save journal" saves it in one transaction.
 */
export function PreviewView({ preview }: { preview: JournalPreview }): ReactElement {
  const { t, i18n } = useTranslation();
  const { progress, importError } = useJournals();
  const error = importError && errorText(t, importError);
  const [name, setName] = useState(preview.suggestedName);
  const [owner, setOwner] = useState('');
  const [birthYear, setBirthYear] = useState('');
  const yearValid = birthYear.trim() === '' || YEAR.test(birthYear.trim());
  const canSave = owner.trim() !== '' && name.trim() !== '' && yearValid && progress === null;

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!canSave) return;
    void saveJournal({
      name: name.trim(),
      ownerName: owner.trim(),
      birthYear: birthYear.trim() ? Number(birthYear.trim()) : null,
    });
  };

  return (
    <section className="jr-preview" aria-labelledby="jr-preview-title">
      <header className="jr-preview-head">
        <div>
          <h2 id="jr-preview-title">{t('journals:preview.title')}</h2>
          <p className="jr-muted">
            {t('journals:preview.files', { count: preview.fileCount })} · {t('journals:preview.subtitle')}
          </p>
        </div>
      </header>
      <CountAndRange
        count={preview.entryCount}
        from={preview.firstDate}
        to={preview.lastDate}
        ns="journals:preview."
      />
      {preview.alreadySaved > 0 && (
        <p className="jr-note">{t('journals:preview.alreadySaved', { count: preview.alreadySaved })}</p>
      )}
      <h3 className="jr-subhead">{t('journals:preview.perMonth')}</h3>
      <MonthBars months={preview.months} label={t('journals:preview.perMonth')} />

      <form className="jr-form" onSubmit={submit}>
        <label className="jr-field">
          <span>{t('journals:preview.ownerName')}</span>
          <input value={owner} onChange={(event) => setOwner(event.target.value)} maxLength={200} autoFocus />
          <small>{t('journals:preview.ownerHint')}</small>
        </label>
        <label className="jr-field jr-field-short">
          <span>{t('journals:preview.birthYear')}</span>
          <input
            value={birthYear}
            inputMode="numeric"
            maxLength={4}
            aria-invalid={!yearValid}
            onChange={(event) => setBirthYear(event.target.value)}
          />
          <small className={yearValid ? undefined : 'jr-invalid'}>
            {yearValid ? t('journals:preview.birthYearHint') : t('journals:preview.birthYearInvalid')}
          </small>
        </label>
        <label className="jr-field">
          <span>{t('journals:preview.name')}</span>
          <input value={name} onChange={(event) => setName(event.target.value)} maxLength={200} />
        </label>
        <label className="jr-field">
          <span>{t('journals:preview.dateOrder')}</span>
          <select
            value={preview.dateOrder}
            disabled={progress !== null}
            onChange={(event) => void changeDateOrder(event.target.value as DateOrder)}
          >
            {DateOrderSchema.options.map((order) => (
              <option key={order} value={order}>
                {t(`journals:dateOrder.${order}`)}
              </option>
            ))}
          </select>
          <small>{t('journals:preview.dateOrderHint')}</small>
        </label>
        <div className="jr-form-actions">
          <button type="button" className="btn" onClick={cancelPreview}>
            {t('journals:preview.cancel')}
          </button>
          <button type="submit" className="btn btn-primary" disabled={!canSave}>
            {t('journals:preview.save')}
          </button>
        </div>
      </form>
      <ImportProgress />
      {error && (
        <div className="jr-error" role="alert">
          <p>{error.summary}</p>
          {error.detail && <p className="jr-muted">{error.detail}</p>}
        </div>
      )}

      <h3 className="jr-subhead">{t('journals:preview.samples')}</h3>
      <ul className="jr-samples">
        {preview.samples.map((entry, index) => (
          <EntrySample key={index} entry={entry} />
        ))}
      </ul>
      {preview.undatedCount > 0 && (
        <details className="jr-details">
          <summary>{t('journals:preview.undated', { count: preview.undatedCount })}</summary>
          <ul className="jr-samples">
            {preview.undated.map((entry, index) => (
              <EntrySample key={index} entry={entry} />
            ))}
          </ul>
        </details>
      )}
      {preview.warnings.length > 0 && (
        <details className="jr-details">
          <summary>{t('journals:preview.warnings')}</summary>
          <ul className="jr-warnings">
            {preview.warnings.map((warning, index) => (
              <li key={index}>
                <span className="jr-muted">{warning.file}</span> {warningText(t, i18n.language, warning)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
