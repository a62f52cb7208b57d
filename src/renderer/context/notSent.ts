import type { ContextPreview, LeftOutReason } from '../../shared/contextSchemas';
import type { Message } from '../../shared/schemas';
import type { NotSentReason } from './MessageMarks';

/** Which messages the next request leaves out, asked row by row (a Map lookup each). */
export interface NotSentMarks {
  /**
   * Index in `messages` of the first message that can be sent: every one before it is older
   * than the oldest message sent, or before a "clear context here" divider. Worked out once per
   * loaded run (cached), not per row.
   */
  firstSentIndex(messages: readonly Message[]): number;
  /** Why this message is not sent, or null. */
  reasonOf(messageId: string, beforeFirstSent: boolean): NotSentReason | null;
}

/** Marks nothing (no preview yet). */
export const NO_MARKS: NotSentMarks = { firstSentIndex: () => -1, reasonOf: () => null };

/**
 * The marks of a next-turn preview. The builder lists the messages it looked at and left out
 * (`leftOut`, with reasons); it stops reading at a divider or once the window is full, so older
 * messages are not listed: they are the ones before the oldest message sent.
 */
export function notSentMarks(preview: ContextPreview | null): NotSentMarks {
  if (!preview) return NO_MARKS;
  const reasons = new Map<string, LeftOutReason>();
  for (const item of preview.leftOut) reasons.set(item.messageId, item.reason);
  const oldestSent = preview.parts.find((part) => part.kind === 'history' && part.messageId)?.messageId;
  const cache = new WeakMap<readonly Message[], number>();
  return {
    firstSentIndex(messages) {
      let known = cache.get(messages);
      if (known === undefined) {
        known = -1;
        for (let i = messages.length - 1; i >= 0; i--) {
          const message = messages[i];
          if (message.id === oldestSent) {
            known = Math.max(known, i);
            break;
          }
          if (message.contextBreak && known < 0) known = i + 1;
        }
        cache.set(messages, known);
      }
      return known;
    },
    reasonOf(messageId, beforeFirstSent) {
      return reasons.get(messageId) ?? (beforeFirstSent ? 'older' : null);
    },
  };
}
