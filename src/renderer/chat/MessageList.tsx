import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../shared/schemas';
import { Icon } from '../components/Icon';
import { clearFocusMessage } from '../state/navigation';
import type { ErrorContext } from './errorText';
import { MessageItem } from './MessageItem';
import type { MessageHandlers } from './messageHandlers';

interface MessageListProps {
  messages: Message[];
  /** Ids of answers streaming now. */
  liveIds: ReadonlySet<string>;
  busy: boolean;
  /** A message to scroll to (after a search), cleared once shown. */
  focusMessageId: string | null;
  context: ErrorContext;
  handlers: MessageHandlers;
}

/** How close to the bottom (px) still counts as "at the latest message". */
const BOTTOM_SLACK = 64;
const HIGHLIGHT_MS = 2000;
/** How long after a wheel, key or pointer event a scroll counts as the user's. */
const INTENT_MS = 400;

/**
 * The messages of the open branch, virtualized: only the rows near the viewport are in the DOM,
 * each measured as it renders. Follows a growing answer unless the user scrolled up; then a
 * "Jump to latest" button brings them back.
 */
export function MessageList({
  messages,
  liveIds,
  busy,
  focusMessageId,
  context,
  handlers,
}: MessageListProps): ReactElement {
  const { t } = useTranslation();
  const scroller = useRef<HTMLDivElement>(null);
  const following = useRef(true);
  const [showJump, setShowJump] = useState(false);
  const [highlightId, setHighlightId] = useState<string | null>(null);

  const stickToBottom = useCallback(() => {
    const el = scroller.current;
    if (el && following.current) el.scrollTop = el.scrollHeight;
  }, []);

  // The compiler cannot memoize around the virtualizer; this component does not rely on it.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: messages.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => 140,
    overscan: 6,
    getItemKey: (index) => messages[index].id,
    // Row heights change as answers stream and markdown loads: keep the bottom in view.
    onChange: () => requestAnimationFrame(stickToBottom),
  });

  // Only the user's own scrolling (wheel, keys, touch, scrollbar drag) stops the following; the
  // virtualizer's own corrections while rows are measured must not.
  const lastIntent = useRef(0);
  const noteIntent = (): void => {
    lastIntent.current = performance.now();
  };
  const onScroll = (): void => {
    const el = scroller.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < BOTTOM_SLACK;
    if (atBottom) following.current = true;
    else if (performance.now() - lastIntent.current < INTENT_MS) following.current = false;
    setShowJump(!atBottom && !following.current);
  };

  const jumpToLatest = (): void => {
    following.current = true;
    setShowJump(false);
    stickToBottom();
  };

  // A new message (the user's own, or a new answer) brings the view back to the bottom.
  const lastId = messages.at(-1)?.id;
  useLayoutEffect(() => {
    if (focusMessageId) return;
    // Plain scrollTop writes, not scrollToIndex: the virtualizer keeps re-aligning an index
    // target while the row grows, which would fight a user scrolling up during a stream.
    following.current = true;
    setShowJump(false);
    stickToBottom();
    requestAnimationFrame(stickToBottom);
    // Only the identity of the last message matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastId]);

  // A search jump: scroll the message into the middle, flash it, then forget the request.
  useEffect(() => {
    if (!focusMessageId) return;
    const index = messages.findIndex((m) => m.id === focusMessageId);
    if (index >= 0) {
      following.current = false;
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightId(focusMessageId);
    }
    clearFocusMessage();
  }, [focusMessageId, messages, virtualizer]);

  useEffect(() => {
    if (!highlightId) return;
    const timer = setTimeout(() => setHighlightId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightId]);

  const items = virtualizer.getVirtualItems();
  return (
    <div className="message-pane">
      <div
        className="message-scroller"
        ref={scroller}
        onScroll={onScroll}
        onWheel={noteIntent}
        onTouchMove={noteIntent}
        onPointerDown={noteIntent}
        onKeyDown={noteIntent}
      >
        <div
          className="message-list"
          role="feed"
          aria-label={t('chat:messages.label')}
          aria-busy={busy}
          style={{ height: virtualizer.getTotalSize() }}
        >
          <div className="message-window" style={{ transform: `translateY(${items[0]?.start ?? 0}px)` }}>
            {items.map((item) => {
              const message = messages[item.index];
              return (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="message-row"
                >
                  <MessageItem
                    message={message}
                    live={liveIds.has(message.id)}
                    busy={busy}
                    highlighted={highlightId === message.id}
                    context={context}
                    handlers={handlers}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {showJump && (
        <button type="button" className="jump-latest" onClick={jumpToLatest}>
          <Icon name="down" size={14} />
          <span>{t('chat:messages.jumpToLatest')}</span>
        </button>
      )}
    </div>
  );
}
