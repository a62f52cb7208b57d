import type { LeftOutReason } from '../../shared/contextSchemas';
import type { MemorySettings } from '../../shared/schemas';
import type { TokenCounter } from '../../shared/tokens';
import type { StoredSummary, TailMessage } from '../store/contextTypes';

/**
 * The memory strategies: which messages of the branch tail are sent. The walk goes newest first
 * and stops as soon as it knows the rest is not sent (a divider, a summary, N exchanges, the
 * budget), so a long conversation is read no further than what it sends.
 */

/** A history message chosen to be sent. */
export interface ChosenMessage {
  id: string;
  role: TailMessage['role'];
  content: string;
  /** Tokens of the message in the request (text + per-message overhead). */
  tokens: number;
}

/** What the walk decided. */
export interface HistorySelection {
  /** Sent, oldest first. The first message answered (when `answering`) is last. */
  included: ChosenMessage[];
  /** Looked at but not sent, oldest first. */
  leftOut: { messageId: string; reason: LeftOutReason; tokens: number }[];
  /** The summary whose folded messages the walk reached (it replaces them), if any. */
  summary: StoredSummary | null;
  /** Text token counts made during the walk, to cache. */
  newCounts: { messageId: string; tokens: number }[];
  /** True when the walk stopped because the budget was full (older messages exist and were not sent). */
  overBudget: boolean;
}

/** What the walk is given. */
export interface HistoryWalk {
  tail: Iterable<TailMessage>;
  memory: MemorySettings;
  counter: TokenCounter;
  /** Tokens the history (and the summary) may use. */
  budget: number;
  /** The tail's first message is the one being answered: always sent, never counted as an exchange. */
  answering: boolean;
  /** Summaries of the conversation (any branch); used only when `memory.strategy` is `summarize`. */
  summaries: readonly StoredSummary[];
  /** Tokens a summary's text costs in the request. */
  summaryTokens(summary: StoredSummary): number;
}

/** Picks the history to send under the conversation's memory strategy. */
export function selectHistory(walk: HistoryWalk): HistorySelection {
  const { memory, counter } = walk;
  const newestFirst: ChosenMessage[] = [];
  const leftOut: HistorySelection['leftOut'] = [];
  const newCounts: HistorySelection['newCounts'] = [];
  // Newest version first, so the latest fold (or edit) over a message wins.
  const summaryAt = new Map<string, StoredSummary>();
  if (memory.strategy === 'summarize') {
    for (const summary of walk.summaries) {
      if (!summaryAt.has(summary.throughMessageId)) summaryAt.set(summary.throughMessageId, summary);
    }
  }
  let used = 0;
  let exchanges = 0;
  let first = true;
  let summary: StoredSummary | null = null;
  let overBudget = false;
  // Position of each message read, newest first: leftOut is sorted oldest first by it.
  const position = new Map<string, number>();

  for (const message of walk.tail) {
    position.set(message.id, position.size);
    const mustSend = first && walk.answering;
    first = false;
    let text = message.tokens;
    if (text === null) {
      text = counter.countText(message.content);
      if (message.status !== 'streaming') newCounts.push({ messageId: message.id, tokens: text });
    }
    const tokens = text + counter.counting.perMessage;

    if (!mustSend) {
      const folded = summaryAt.get(message.id);
      if (folded) {
        summary = folded;
        leftOut.push({ messageId: message.id, reason: 'summarized', tokens });
        break;
      }
      if (message.contextBreak) {
        leftOut.push({ messageId: message.id, reason: 'before_break', tokens });
        break;
      }
      if (message.role === 'assistant' && !message.content) {
        // A failed answer has nothing to tell the model.
        leftOut.push({ messageId: message.id, reason: 'failed', tokens: 0 });
        continue;
      }
      if (memory.strategy === 'last_exchanges' && exchanges >= memory.exchanges) {
        leftOut.push({ messageId: message.id, reason: 'older_than_exchanges', tokens });
        break;
      }
      if (used + tokens > walk.budget) {
        leftOut.push({ messageId: message.id, reason: 'over_budget', tokens });
        overBudget = true;
        break;
      }
      if (message.role === 'user') exchanges++;
    }
    used += tokens;
    newestFirst.push({ id: message.id, role: message.role, content: message.content, tokens });
  }

  // The summary must fit too: the oldest history gives way to it (a new fold will absorb them).
  if (summary) {
    used += walk.summaryTokens(summary);
    const floor = walk.answering ? 1 : 0;
    while (used > walk.budget && newestFirst.length > floor) {
      const dropped = newestFirst.pop() as ChosenMessage;
      used -= dropped.tokens;
      leftOut.push({ messageId: dropped.id, reason: 'over_budget', tokens: dropped.tokens });
      overBudget = true;
    }
  }
  leftOut.sort((a, b) => (position.get(b.messageId) ?? 0) - (position.get(a.messageId) ?? 0));
  return { included: newestFirst.reverse(), leftOut, summary, newCounts, overBudget };
}
