import { memo, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AssistantText, PlainText } from './AssistantText';
import { segmentsOf } from './longText';

/** Props of {@link LongText}. */
export interface LongTextProps {
  /** The whole text (Copy copies all of it; only the revealed segments are rendered). */
  text: string;
  /** Markdown (an answer) or plain text with line breaks kept (the user's own). */
  markdown: boolean;
  /** The answer is still arriving. */
  streaming: boolean;
}

/** One segment, rendered once: a later segment or more streamed text leaves it untouched. */
const Segment = memo(function Segment(props: {
  text: string;
  markdown: boolean;
  streaming: boolean;
}): ReactElement {
  return props.markdown ? (
    <AssistantText text={props.text} streaming={props.streaming} />
  ) : (
    <PlainText text={props.text} />
  );
});

/**
 * A message's text, rendered a segment (~30 KB) at a time so that a message of 2,000,000
 * characters opens, streams and scrolls like a short one: the first segment shows at once, and
 * "Show more" reveals one more segment per click (one commit each). While an answer streams past
 * the revealed part, the part shown stays put and a counter tells how much more has arrived.
 */
export function LongText({ text, markdown, streaming }: LongTextProps): ReactElement {
  const { t, i18n } = useTranslation();
  const [revealed, setRevealed] = useState(1);
  const segments = useMemo(() => segmentsOf(text, revealed, markdown), [text, revealed, markdown]);
  const shownEnd = segments.at(-1)?.end ?? 0;
  const hidden = text.length - shownEnd;
  const number = new Intl.NumberFormat(i18n.language);

  return (
    <>
      {segments.map((segment) => (
        <Segment
          key={segment.start}
          text={segment.prefix + text.slice(segment.start, segment.end)}
          markdown={markdown}
          streaming={streaming && segment.end === text.length}
        />
      ))}
      {hidden > 0 && (
        <div className="long-text-more" data-keeps-place="">
          <button type="button" className="btn btn-small" onClick={() => setRevealed((count) => count + 1)}>
            {t('chat:longText.showMore')}
          </button>
          <span className="long-text-count" aria-live={streaming ? 'off' : 'polite'}>
            {t('chat:longText.shown', { shown: number.format(shownEnd), total: number.format(text.length) })}
          </span>
        </div>
      )}
    </>
  );
}
