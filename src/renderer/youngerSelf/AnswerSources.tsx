import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerSource } from '../../shared/contract/youngerSelf';
import { call } from '../bridge/api';

/** The event a Source click dispatches; the journal view opens the entry (see the shared notes). */
export const OPEN_ENTRY_EVENT = 'penpal:open-journal-entry';

/**
 * The diary entries an answer was sent with, under it, as a list named "Sources": each its date
 * (and title), a button that opens the entry. Renders nothing for an ordinary answer.
 */
export function AnswerSources({ answerId }: { answerId: string }): ReactElement | null {
  const { t } = useTranslation();
  const [sources, setSources] = useState<AnswerSource[]>([]);
  useEffect(() => {
    let live = true;
    call('youngerSelf.sources', { answerId }).then(
      (result) => live && setSources(result.sources),
      // Sources are a help next to the answer; an answer without them still reads.
      () => live && setSources([]),
    );
    return () => {
      live = false;
    };
  }, [answerId]);
  if (sources.length === 0) return null;
  const open = (source: AnswerSource) =>
    window.dispatchEvent(
      new CustomEvent(OPEN_ENTRY_EVENT, { detail: { entryId: source.entryId, date: source.date } }),
    );
  return (
    <div className="answer-sources">
      <span className="answer-sources-label" aria-hidden="true">
        {t('youngerSelf:sources')}
      </span>
      <ul aria-label={t('youngerSelf:sources')}>
        {sources.map((source) => (
          <li key={source.entryId}>
            <button
              type="button"
              className="answer-source"
              aria-label={t('youngerSelf:sourceLabel', { date: source.date })}
              onClick={() => open(source)}
            >
              {source.date}
              {source.title ? ` · ${source.title}` : ''}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
