import { useVirtualizer } from '@tanstack/react-virtual';
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type MouseEvent,
  type ReactElement,
  type WheelEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../shared/schemas';
import type { NotSentMarks } from '../context/notSent';
import { Icon } from '../components/Icon';
import type { LoadKind } from '../state/conversationView';
import { clearFocusMessage, getNavigation } from '../state/navigation';
import type { ErrorContext } from './errorText';
import { MessageItem } from './MessageItem';
import { estimateRowHeight } from './rowHeight';
import type { MessageHandlers } from './messageHandlers';

interface MessageListProps {
  /** The loaded run of the shown branch (a page or a few). */
  messages: Message[];
  /** The branch goes on above / below the loaded run. */
  hasMoreBefore: boolean;
  hasMoreAfter: boolean;
  /** How the run came to be (see `LoadKind`): decides whether a new last message scrolls down. */
  kind: LoadKind;
  /** The message the run was loaded around (a search jump). */
  anchorId: string | null;
  onLoadOlder: () => void;
  onLoadNewer: () => void;
  /** Loads the branch's tail (the run is away from it). */
  onShowLatest: () => void;
  /** Ids of answers streaming now. */
  liveIds: ReadonlySet<string>;
  busy: boolean;
  /** Which messages the next request leaves out ("Not sent" marks). */
  notSent: NotSentMarks;
  /** A message to scroll to (after a search), cleared once shown. */
  focusMessageId: string | null;
  context: ErrorContext;
  /** A younger self's conversation: answers list the entries they were sent with. */
  showSources: boolean;
  handlers: MessageHandlers;
}

/** How close to the bottom (px) still counts as "at the latest message". */
const BOTTOM_SLACK = 64;
const HIGHLIGHT_MS = 2000;
/** How long after a wheel, key or pointer event a scroll counts as the user's. */
const INTENT_MS = 400;
/** How close to either end of the loaded run (px) the next page is fetched. */
const PAGE_MARGIN = 1200;

/**
 * The messages of the open branch, virtualized: only the rows near the viewport are in the DOM,
 * each measured as it renders. Follows a growing answer unless the user scrolled up; then a
 * "Jump to latest" button brings them back.
 */
export function MessageList({
  messages,
  hasMoreBefore,
  hasMoreAfter,
  kind,
  anchorId,
  onLoadOlder,
  onLoadNewer,
  onShowLatest,
  liveIds,
  busy,
  notSent,
  focusMessageId,
  context,
  showSources,
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
    estimateSize: (index) => estimateRowHeight(messages[index]),
    overscan: 6,
    getItemKey: (index) => messages[index].id,
    // Row heights change as answers stream and markdown loads: keep the bottom in view.
    onChange: () => requestAnimationFrame(stickToBottom),
  });

  // Only the user's own scrolling (wheel, keys, touch, scrollbar drag) stops the following; the
  // virtualizer's own corrections while rows are measured must not.
  const lastIntent = useRef(0);
  // After a search jump, pages load only once the user moves: the jump's own scrolling must not.
  const userMoved = useRef(true);
  const noteIntent = (): void => {
    lastIntent.current = performance.now();
    userMoved.current = true;
  };

  // The first row in view and its offset from the top, so a page added above leaves it in place.
  const topRow = useRef<{ id: string; offset: number } | null>(null);
  const noteTopRow = (scrollTop: number): void => {
    const row = virtualizer.getVirtualItems().find((item) => item.end > scrollTop);
    const message = row && messages[row.index];
    topRow.current = message ? { id: message.id, offset: row.start - scrollTop } : null;
  };

  const onScroll = (): void => {
    const el = scroller.current;
    if (!el) return;
    const fromBottom = el.scrollHeight - el.scrollTop - el.clientHeight;
    const atBottom = !hasMoreAfter && fromBottom < BOTTOM_SLACK;
    if (atBottom) following.current = true;
    else if (performance.now() - lastIntent.current < INTENT_MS) following.current = false;
    setShowJump(!atBottom && !following.current);
    noteTopRow(el.scrollTop);
    if (!userMoved.current) return;
    if (hasMoreBefore && el.scrollTop < PAGE_MARGIN) onLoadOlder();
    if (hasMoreAfter && fromBottom < PAGE_MARGIN) onLoadNewer();
  };
  const onWheel = (event: WheelEvent): void => {
    noteIntent();
    // A short run that does not scroll still pages back on a wheel up.
    if (event.deltaY < 0 && hasMoreBefore && (scroller.current?.scrollTop ?? 0) === 0) onLoadOlder();
  };

  // "Show more" grows a message below the part being read: the view stays, it does not follow
  // the new bottom (which would skip what was just revealed).
  const onClickCapture = (event: MouseEvent): void => {
    if (!(event.target instanceof Element) || !event.target.closest('[data-keeps-place]')) return;
    following.current = false;
    setShowJump(true);
  };

  const jumpToLatest = (): void => {
    following.current = true;
    setShowJump(false);
    if (hasMoreAfter) onShowLatest();
    else stickToBottom();
  };

  // A page added above: put the row that was at the top back where it was.
  const firstId = messages[0]?.id;
  useLayoutEffect(() => {
    const el = scroller.current;
    const row = topRow.current;
    if (kind !== 'older' || !el || !row) return;
    const index = messages.findIndex((m) => m.id === row.id);
    const start = index >= 0 ? virtualizer.measurementsCache[index]?.start : undefined;
    if (start !== undefined) el.scrollTop = start - row.offset;
    // Only a new first message matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [firstId]);

  // A new message (the user's own, or a new answer) brings the view back to the bottom; a page
  // loaded below while scrolling, or around a search hit, does not.
  const lastId = messages.at(-1)?.id;
  useLayoutEffect(() => {
    if (focusMessageId || hasMoreAfter || (kind !== 'tail' && kind !== 'replace')) return;
    // Plain scrollTop writes, not scrollToIndex: the virtualizer keeps re-aligning an index
    // target while the row grows, which would fight a user scrolling up during a stream.
    following.current = true;
    setShowJump(false);
    stickToBottom();
    requestAnimationFrame(stickToBottom);
    // Only the identity of the last message matters here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastId]);

  // A search jump: each page loaded around the hit scrolls it into the middle and flashes it;
  // the request is then forgotten.
  useEffect(() => {
    if (kind !== 'around' || !anchorId) return;
    const index = messages.findIndex((m) => m.id === anchorId);
    if (index >= 0) {
      following.current = false;
      userMoved.current = false;
      setShowJump(true);
      virtualizer.scrollToIndex(index, { align: 'center' });
      setHighlightId(anchorId);
    }
    if (getNavigation().focusMessageId === anchorId) clearFocusMessage();
  }, [kind, anchorId, messages, virtualizer]);

  useEffect(() => {
    if (!highlightId) return;
    const timer = setTimeout(() => setHighlightId(null), HIGHLIGHT_MS);
    return () => clearTimeout(timer);
  }, [highlightId]);

  const items = virtualizer.getVirtualItems();
  const notSentBefore = notSent.firstSentIndex(messages);
  return (
    <div className="message-pane">
      <div
        className="message-scroller"
        ref={scroller}
        onScroll={onScroll}
        onWheel={onWheel}
        onTouchMove={noteIntent}
        onPointerDown={noteIntent}
        onKeyDown={noteIntent}
        onClickCapture={onClickCapture}
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
                    notSent={notSent.reasonOf(message.id, item.index < notSentBefore)}
                    context={context}
                    showSources={showSources}
                    handlers={handlers}
                  />
                </div>
              );
            })}
          </div>
        </div>
      </div>
      {(showJump || hasMoreAfter) && (
        <button type="button" className="jump-latest" onClick={jumpToLatest}>
          <Icon name="down" size={14} />
          <span>{t('chat:messages.jumpToLatest')}</span>
        </button>
      )}
    </div>
  );
}
