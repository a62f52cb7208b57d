import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { AnswerSource } from '../../shared/contract/youngerSelf';
import { call } from '../bridge/api';
import { openJournalDay } from '../journals/journalsState';

/**
 * The diary entries an answer was sent with, under it, as a list named "Sources": each its date
 * (and title), a button that opens the entry. Renders nothing for an ordinary answer.
 */
export function AnswerSources({
  answerId,
  conversationId,
}: {
  answerId: string;
  conversationId: string;
}): ReactElement | null {
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
  // The journal is the conversation's; the entry is shown in its month.
  const open = (source: AnswerSource): void =>
    void call('youngerSelf.get', { conversationId }).then((chat) => {
      if (chat) openJournalDay(chat.journalId, source.date);
    });
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
