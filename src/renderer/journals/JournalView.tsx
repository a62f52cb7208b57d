import { useCallback, useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryHit, Journal, JournalEntry, MonthCount } from '../../shared/journalSchemas';
import { call, onEvent } from '../bridge/api';
import { Snippet } from '../library/Snippet';
import { EntryCard } from './EntryCard';
import { monthBounds, monthLabel } from './format';
import { JournalHeaderActions } from './JournalHeaderActions';
import { deleteJournal } from './journalsState';
import { MonthBars } from './MonthBars';
import { CountAndRange } from './PreviewView';

const PAGE = 100;

/** Entries of a month (or the undated ones), paged. */
function useEntries(journalId: string, month: string | 'undated' | null, version: number) {
  const [state, setState] = useState<{ entries: JournalEntry[]; total: number }>({ entries: [], total: 0 });
  const load = useCallback(
    async (offset: number) => {
      if (!month) return;
      const range = month === 'undated' ? { undated: true } : monthBounds(month);
      const page = await call('journal.entries', { id: journalId, ...range, offset, limit: PAGE });
      setState((current) => ({
        entries: offset === 0 ? page.entries : [...current.entries, ...page.entries],
        total: page.total,
      }));
    },
    [journalId, month],
  );
  useEffect(() => {
    setState({ entries: [], total: 0 });
    void load(0);
  }, [load, version]);
  const replace = (entry: JournalEntry): void =>
    setState((current) => ({
      ...current,
      entries: current.entries.map((e) => (e.id === entry.id ? entry : e)),
    }));
  return { ...state, more: () => void load(state.entries.length), replace };
}

/**
 * One journal: its header (owner, range, count, and the slot for other features' actions), the
 * timeline to click into, the entries of the chosen month, and "Search entries".
 */
export function JournalView({
  journal,
  focusDate = null,
}: {
  journal: Journal;
  /** A day to open at (a clicked source): its month is shown. */
  focusDate?: string | null;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const [months, setMonths] = useState<MonthCount[]>([]);
  const [month, setMonth] = useState<string | 'undated' | null>(focusDate ? focusDate.slice(0, 7) : null);
  useEffect(() => {
    if (focusDate) setMonth(focusDate.slice(0, 7));
  }, [focusDate]);
  const [query, setQuery] = useState('');
  const [hits, setHits] = useState<EntryHit[] | null>(null);
  const [version, setVersion] = useState(0);
  const entries = useEntries(journal.id, month, version);

  useEffect(() => {
    let live = true;
    const load = (): void =>
      void call('journal.months', { id: journal.id }).then((list) => live && setMonths(list));
    load();
    const stop = onEvent('journals.changed', ({ id }) => {
      if (id === journal.id) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [journal.id, journal.updatedAt]);

  useEffect(() => {
    if (query.trim() === '') {
      setHits(null);
      return;
    }
    let live = true;
    // A short pause while typing, so each keystroke does not send a search.
    const timer = setTimeout(() => {
      void call('journal.searchEntries', { id: journal.id, query, limit: 50 }).then(
        (list) => live && setHits(list),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [journal.id, query, version]);

  // No confirmation dialog: the Undo toast brings the journal back, as in the conversation list.
  const confirmDelete = (): void => void deleteJournal(journal);
  const changed = (entry: JournalEntry): void => {
    entries.replace(entry);
    setHits((list) => list?.map((hit) => (hit.entry.id === entry.id ? { ...hit, entry } : hit)) ?? null);
    // An edited date may move the entry to another month.
    setVersion((v) => v + 1);
  };

  return (
    <section className="jr-journal" aria-labelledby="jr-journal-title">
      <header className="jr-journal-head">
        <div className="jr-journal-heading">
          <h2 id="jr-journal-title">{journal.name}</h2>
          <p className="jr-muted">{t('journals:owner', { name: journal.ownerName })}</p>
          <CountAndRange count={journal.entryCount} from={journal.firstDate} to={journal.lastDate} />
        </div>
        <div className="jr-journal-actions">
          <JournalHeaderActions journal={journal} />
          <button type="button" className="btn btn-danger-quiet" onClick={confirmDelete}>
            {t('journals:view.delete')}
          </button>
        </div>
      </header>

      <div className="jr-search">
        <input
          type="search"
          role="searchbox"
          aria-label={t('journals:view.search')}
          placeholder={t('journals:view.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
      </div>

      {hits !== null ? (
        <div className="jr-results" aria-live="polite">
          <p className="jr-muted">
            {hits.length === 0
              ? t('journals:view.noResults', { query: query.trim() })
              : t('journals:view.results', { count: hits.length })}
          </p>
          {hits.map((hit) => (
            <EntryCard
              key={hit.entry.id}
              entry={hit.entry}
              journal={journal}
              onChange={changed}
              body={<Snippet parts={hit.snippet} />}
            />
          ))}
        </div>
      ) : (
        <>
          <h3 className="jr-subhead">{t('journals:view.timeline')}</h3>
          <MonthBars
            months={months}
            selected={month}
            onPick={setMonth}
            label={t('journals:view.timelineLabel')}
          />
          {journal.undatedCount > 0 && (
            <button
              type="button"
              className="btn btn-small jr-undated-button"
              onClick={() => setMonth('undated')}
            >
              {t('journals:view.undated')} ({journal.undatedCount})
            </button>
          )}
          {month === null ? (
            <p className="jr-muted jr-pick">{t('journals:view.pickMonth')}</p>
          ) : (
            <div className="jr-month">
              <h3 className="jr-month-title">
                {month === 'undated' ? t('journals:view.undated') : monthLabel(month, i18n.language)}
              </h3>
              {entries.total === 0 && entries.entries.length === 0 ? (
                <p className="jr-muted">{t('journals:view.noEntries')}</p>
              ) : (
                entries.entries.map((entry) => (
                  <EntryCard key={entry.id} entry={entry} journal={journal} onChange={changed} />
                ))
              )}
              {entries.entries.length < entries.total && (
                <button type="button" className="btn" onClick={entries.more}>
                  {t('journals:view.more')}
                </button>
              )}
            </div>
          )}
        </>
      )}
    </section>
  );
}
