import { useState, type FormEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Journal } from '../../shared/journalSchemas';
import { call } from '../bridge/api';
import { openConversation } from '../state/navigation';
import { useSettings } from '../state/settingsStore';
import { endpointHost } from './endpointHost';

/** Remembered once the privacy notice was acknowledged (it is shown on first use). */
const NOTICE_KEY = 'penpal.youngerSelf.noticeSeen';

/** What is sent, and where: said once, before the first younger-self conversation starts. */
function PrivacyNotice({ onUnderstood }: { onUnderstood(): void }): ReactElement {
  const { t } = useTranslation();
  const { current } = useSettings();
  const { host, local } = endpointHost(current?.settings.baseURL ?? '');
  return (
    <section className="younger-self-notice" role="note" aria-labelledby="younger-self-notice-title">
      <h3 id="younger-self-notice-title">{t('youngerSelf:privacyTitle')}</h3>
      <p>{local ? t('youngerSelf:privacyLocal', { host }) : t('youngerSelf:privacyRemote', { host })}</p>
      <button type="button" className="btn btn-small" onClick={onUnderstood}>
        {t('youngerSelf:privacyUnderstood')}
      </button>
    </section>
  );
}

/**
 * The journal header's "Talk with my younger self": a form for the period (From/To dates, or Age
 * from the journal's birth year), the name, and Start, which opens the new conversation.
 */
export function TalkWithYoungerSelf({ journal }: { journal: Journal }): ReactElement {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [noticeSeen, setNoticeSeen] = useState(() => localStorage.getItem(NOTICE_KEY) === '1');
  const [mode, setMode] = useState<'dates' | 'age'>('dates');
  const [from, setFrom] = useState(journal.firstDate ?? '');
  const [to, setTo] = useState(journal.lastDate ?? '');
  const [age, setAge] = useState('');
  const [name, setName] = useState(journal.ownerName);
  const [whole, setWhole] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const start = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const conversation = await call('youngerSelf.start', {
        journalId: journal.id,
        ...(mode === 'age' ? { age: Number(age) } : { from, to }),
        name: name.trim() || undefined,
        agreedWhole: whole,
      });
      setOpen(false);
      openConversation(conversation.id);
    } catch (err) {
      setError(t('youngerSelf:startFailed', { message: err instanceof Error ? err.message : String(err) }));
    } finally {
      setBusy(false);
    }
  };

  if (!open) {
    return (
      <button type="button" className="btn btn-primary younger-self-open" onClick={() => setOpen(true)}>
        {t('youngerSelf:open')}
      </button>
    );
  }
  return (
    <form className="younger-self-form" aria-label={t('youngerSelf:formTitle')} onSubmit={start}>
      <h3>{t('youngerSelf:formTitle')}</h3>
      {!noticeSeen && (
        <PrivacyNotice
          onUnderstood={() => {
            localStorage.setItem(NOTICE_KEY, '1');
            setNoticeSeen(true);
          }}
        />
      )}
      <fieldset className="younger-self-mode">
        <label>
          <input type="radio" checked={mode === 'dates'} onChange={() => setMode('dates')} />
          {t('youngerSelf:byDates')}
        </label>
        <label>
          <input
            type="radio"
            checked={mode === 'age'}
            disabled={journal.birthYear === null}
            onChange={() => setMode('age')}
          />
          {t('youngerSelf:byAge')}
        </label>
      </fieldset>
      {mode === 'dates' ? (
        <>
          <label>
            {t('youngerSelf:from')}
            <input type="date" value={from} required onChange={(e) => setFrom(e.target.value)} />
          </label>
          <label>
            {t('youngerSelf:to')}
            <input type="date" value={to} required onChange={(e) => setTo(e.target.value)} />
          </label>
        </>
      ) : (
        <label>
          {t('youngerSelf:age')}
          <input
            type="number"
            min={0}
            max={150}
            value={age}
            required
            onChange={(e) => setAge(e.target.value)}
          />
        </label>
      )}
      <label>
        {t('youngerSelf:name')}
        <input type="text" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="younger-self-whole">
        <input type="checkbox" checked={whole} onChange={(e) => setWhole(e.target.checked)} />
        {t('youngerSelf:sendWhole')}
      </label>
      {error && <p role="alert">{error}</p>}
      <div className="younger-self-actions">
        <button type="button" className="btn" onClick={() => setOpen(false)}>
          {t('youngerSelf:cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={busy || !noticeSeen}>
          {busy ? t('youngerSelf:starting') : t('youngerSelf:start')}
        </button>
      </div>
    </form>
  );
}
