import type { Message } from '../../shared/schemas';

/** Height of a row's frame (padding, status line, actions) without its text, in px. */
const ROW_CHROME = 72;
/** One line of message text, in px. */
const LINE_HEIGHT = 24;
/** Characters per wrapped line at the usual pane width: answers span it, user bubbles do not. */
const CHARS_PER_LINE = { assistant: 90, user: 60 } as const;
/** The "clear context here" divider under a message, in px. */
const DIVIDER_HEIGHT = 40;
/** Past this many lines the estimate stops growing: the row is measured when shown anyway. */
const MAX_LINES = 400;

const cache = new WeakMap<Message, number>();

/**
 * A guess at a message row's height before it is measured, from its text: closer guesses mean
 * less correcting (and less jumping) as rows come into view; a bit over rather than under, so the
 * last message stays on screen as rows are measured. Cached per message object.
 */
export function estimateRowHeight(message: Message | undefined): number {
  if (!message) return ROW_CHROME + LINE_HEIGHT;
  const known = cache.get(message);
  if (known !== undefined) return known;
  const text = message.content;
  const perLine = message.role === 'user' ? CHARS_PER_LINE.user : CHARS_PER_LINE.assistant;
  let lines = 0;
  let from = 0;
  // Each paragraph wraps on its own; count them without splitting the string.
  while (from <= text.length && lines < MAX_LINES) {
    const end = text.indexOf('\n', from);
    const length = (end < 0 ? text.length : end) - from;
    lines += Math.max(1, Math.ceil(length / perLine));
    if (end < 0) break;
    from = end + 1;
  }
  const height =
    ROW_CHROME + Math.min(lines, MAX_LINES) * LINE_HEIGHT + (message.contextBreak ? DIVIDER_HEIGHT : 0);
  cache.set(message, height);
  return height;
}
