import { memo, useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { AssistantText } from './AssistantText';
import { REVEAL_SEGMENTS, segmentsOf } from './longText';

/** Props of {@link LongText}. */
export interface LongTextProps {
  /** The whole text (Copy copies all of it; only the revealed part is rendered). */
  text: string;
  /** Markdown (an answer) or plain text with line breaks kept (the user's own). */
  markdown: boolean;
  /** The answer is still arriving. */
  streaming: boolean;
  /** Length of the whole text when `text` is only its head (a page cuts very long messages). */
  total?: number;
  /** Reads more of the text when a "Show more" reaches past `text` (one request per call). */
  onLoadMore?: () => Promise<void>;
  /** Told when reading more failed. */
  onFailure?: (error: unknown) => void;
}

/** One markdown segment, rendered once: later segments or more streamed text leave it untouched. */
const MarkdownSegment = memo(function MarkdownSegment(props: {
  text: string;
  streaming: boolean;
}): ReactElement {
  return <AssistantText text={props.text} streaming={props.streaming} />;
});

/**
 * A message's text, rendered a segment (~2 KB) per frame so that a message of 2,000,000
 * characters opens, streams and scrolls like a short one: the first segment paints at once, the
 * next ones follow one per animation frame (no long task) up to about 20 KB, and "Show more"
 * reveals the next 20 KB the same way. While an answer streams past the revealed part, that part
 * stays put and a counter tells how much has arrived.
 */
export function LongText(props: LongTextProps): ReactElement {
  const { text, markdown, streaming, onLoadMore, onFailure } = props;
  const { t, i18n } = useTranslation();
  const [wanted, setWanted] = useState(REVEAL_SEGMENTS);
  const [rendered, setRendered] = useState(1);
  const segments = useMemo(() => segmentsOf(text, wanted, markdown), [text, wanted, markdown]);
  const behind = rendered < segments.length;
  const total = Math.max(props.total ?? text.length, text.length);
  // A "Show more" wants segments past the loaded head: read the next piece, once per reveal.
  const short = text.length < total && segments.length < wanted && (segments.at(-1)?.end ?? 0) >= text.length;

  useEffect(() => {
    if (short && onLoadMore) onLoadMore().catch((error: unknown) => onFailure?.(error));
  }, [short, wanted, text.length, onLoadMore, onFailure]);

  useEffect(() => {
    if (!behind) return;
    const frame = requestAnimationFrame(() => setRendered((count) => count + 1));
    return () => cancelAnimationFrame(frame);
  }, [behind, rendered]);

  const shown = segments.slice(0, rendered);
  const shownEnd = segments.at(-1)?.end ?? 0;
  const hidden = total - shownEnd;
  const number = new Intl.NumberFormat(i18n.language);
  const pieceOf = (index: number): string => {
    const segment = shown[index];
    return segment.prefix + text.slice(segment.start, segment.end);
  };

  return (
    <>
      {markdown ? (
        shown.map((segment, index) => (
          <MarkdownSegment
            key={segment.start}
            text={pieceOf(index)}
            streaming={streaming && segment.end === text.length}
          />
        ))
      ) : (
        // Pieces of plain text flow on in one paragraph: a cut inside a line shows no break.
        <div className="plain-text">
          {shown.map((segment, index) => (
            <span key={segment.start}>{pieceOf(index)}</span>
          ))}
        </div>
      )}
      {hidden > 0 && (
        <div className="long-text-more" data-keeps-place="">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => setWanted((count) => count + REVEAL_SEGMENTS)}
          >
            {t('chat:longText.showMore')}
          </button>
          <span className="long-text-count" aria-live={streaming ? 'off' : 'polite'}>
            {t('chat:longText.shown', { shown: number.format(shownEnd), total: number.format(total) })}
          </span>
        </div>
      )}
    </>
  );
}
