import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { SnippetPart } from '../../shared/schemas';
import { Icon } from '../components/Icon';
import { Snippet } from './Snippet';

/** One line of the palette: a search hit, or a recent conversation (no snippet). */
export interface ResultItem {
  key: string;
  conversationId: string;
  messageId: string | null;
  title: string;
  date: string;
  snippet: SnippetPart[] | null;
}

interface SearchResultProps {
  id: string;
  item: ResultItem;
  selected: boolean;
  date: string;
  onHover: () => void;
  onChoose: () => void;
}

/** A result option: title and date on one line, the snippet with its `<mark>`ed words below. */
export function SearchResult({
  id,
  item,
  selected,
  date,
  onHover,
  onChoose,
}: SearchResultProps): ReactElement {
  const { t } = useTranslation();
  const hasSnippet = item.snippet !== null && item.snippet.some((part) => part.text.trim());
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={`lib-result${selected ? ' lib-result-selected' : ''}`}
      onMouseMove={selected ? undefined : onHover}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
    >
      <Icon className="lib-icon" name="chat" />
      <div className="lib-result-main">
        <div className="lib-result-line">
          <span className="lib-result-title">{item.title.trim() || t('library:sidebar.untitled')}</span>
          <span className="lib-result-date">{date}</span>
        </div>
        {hasSnippet && item.snippet ? (
          <div className="lib-result-snippet">
            <Snippet parts={item.snippet} />
          </div>
        ) : item.snippet !== null && item.messageId === null ? (
          <div className="lib-result-snippet lib-muted">{t('library:search.titleMatch')}</div>
        ) : null}
      </div>
    </li>
  );
}
