import { useId, useMemo, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation, SearchHit } from '../../shared/schemas';
import { errorText } from '../chat/errorText';
import { useLibraryView } from '../state/library';
import { openConversation } from '../state/navigation';
import { rangeBounds, type DateRange } from './dateRange';
import { Icon } from '../components/Icon';
import { Modal } from '../components/Modal';
import { SearchFilters } from './SearchFilters';
import { SearchResult, type ResultItem } from './SearchResult';
import { useSearch } from './useSearch';

const RECENT_COUNT = 8;

function hitItems(hits: readonly SearchHit[]): ResultItem[] {
  return hits.map((hit) => ({
    key: `${hit.conversationId}:${hit.messageId ?? ''}`,
    conversationId: hit.conversationId,
    messageId: hit.messageId,
    title: hit.title,
    date: hit.createdAt,
    snippet: hit.snippet,
  }));
}

/** The most recently updated conversations, newest first (each date parsed once, not per comparison). */
function recentItems(conversations: readonly Conversation[]): ResultItem[] {
  return conversations
    .map((c) => ({ c, time: Date.parse(c.updatedAt) }))
    .sort((a, b) => b.time - a.time)
    .slice(0, RECENT_COUNT)
    .map(({ c }) => ({
      key: c.id,
      conversationId: c.id,
      messageId: null,
      title: c.title,
      date: c.updatedAt,
      snippet: null,
    }));
}

/** The palette's dialog: searchbox, filters, results (or recent conversations) and key hints. */
export function SearchPanel({ onClose }: { onClose: () => void }): ReactElement {
  const { t, i18n } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState('');
  const [titlesOnly, setTitlesOnly] = useState(false);
  const [range, setRange] = useState<DateRange>('any');
  const [customFrom, setCustomFrom] = useState('');
  const [customTo, setCustomTo] = useState('');
  const [activeIndex, setActiveIndex] = useState(0);
  const bounds = useMemo(
    () => rangeBounds(range, new Date(), customFrom, customTo),
    [range, customFrom, customTo],
  );
  const search = useSearch({ query, titlesOnly, ...bounds });
  const recent = useLibraryView('active');

  const typed = query.trim() !== '';
  const found = useMemo(() => hitItems(search.hits), [search.hits]);
  const latest = useMemo(() => (typed ? null : recentItems(recent.items)), [typed, recent.items]);
  const items = latest ?? found;

  const active = Math.min(activeIndex, Math.max(0, items.length - 1));
  const dateFormat = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium' }),
    [i18n.language],
  );

  const choose = (item: ResultItem | undefined): void => {
    if (!item) return;
    openConversation(item.conversationId, item.messageId);
    onClose();
    // Once the dialog has given focus back, move on to the conversation's composer.
    requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-composer-input]')?.focus());
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!items.length) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = (active + step + items.length) % items.length;
      setActiveIndex(next);
      document.getElementById(`${listId}-${next}`)?.scrollIntoView?.({ block: 'nearest' });
    } else if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      choose(items[active]);
    }
  };

  let state: string | null = null;
  let stateDetail: string | null = null;
  if (typed && search.status === 'error') {
    const failure = errorText(t, search.error);
    state = t('library:search.failed', { message: failure.summary });
    stateDetail = failure.detail;
  } else if (typed && search.status === 'done' && items.length === 0)
    state = t('library:search.noResults', { query: search.query });
  else if (typed && search.status === 'loading' && items.length === 0) state = t('library:search.searching');
  else if (!typed && items.length === 0) state = t('library:search.empty');

  return (
    <Modal label={t('library:search.dialog')} onClose={onClose} className="lib-palette">
      <div className="lib-palette-input">
        <Icon className="lib-icon" name="search" size={18} />
        <input
          type="search"
          role="searchbox"
          aria-label={t('library:search.label')}
          placeholder={t('library:search.placeholder')}
          data-autofocus
          autoComplete="off"
          spellCheck={false}
          value={query}
          aria-controls={listId}
          aria-activedescendant={items.length ? `${listId}-${active}` : undefined}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
        />
        {typed && search.status === 'loading' && <span className="lib-spinner" aria-hidden="true" />}
      </div>
      <SearchFilters
        titlesOnly={titlesOnly}
        onTitlesOnly={setTitlesOnly}
        range={range}
        onRange={setRange}
        customFrom={customFrom}
        customTo={customTo}
        onCustom={(from, to) => {
          setCustomFrom(from);
          setCustomTo(to);
        }}
      />
      <div className="lib-palette-body">
        {!typed && items.length > 0 && (
          <div className="lib-palette-section">{t('library:search.recent')}</div>
        )}
        <ul
          id={listId}
          role="listbox"
          aria-label={typed ? t('library:search.results') : t('library:search.recent')}
          className="lib-results"
        >
          {items.map((item, index) => (
            <SearchResult
              key={item.key}
              id={`${listId}-${index}`}
              item={item}
              selected={index === active}
              date={formatDate(dateFormat, item.date)}
              onHover={() => setActiveIndex(index)}
              onChoose={() => choose(item)}
            />
          ))}
        </ul>
        {state && (
          <p className={`lib-palette-state${search.status === 'error' ? ' lib-error' : ''}`} role="status">
            {state}
            {stateDetail && <span className="lib-detail">{stateDetail}</span>}
          </p>
        )}
      </div>
      <footer className="lib-palette-hints" aria-hidden="true">
        <span>
          <kbd>↑</kbd>
          <kbd>↓</kbd> {t('library:search.hintNavigate')}
        </span>
        <span>
          <kbd>↵</kbd> {t('library:search.hintOpen')}
        </span>
        <span>
          <kbd>Esc</kbd> {t('library:search.hintClose')}
        </span>
      </footer>
    </Modal>
  );
}

function formatDate(format: Intl.DateTimeFormat, iso: string): string {
  const time = Date.parse(iso);
  return Number.isNaN(time) ? '' : format.format(time);
}
