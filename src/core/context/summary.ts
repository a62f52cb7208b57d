import type OpenAI from 'openai';
import { AppError } from '../../shared/errors';
import type { TokenCounter } from '../../shared/tokens';
import { mapServiceError } from '../chat/serviceErrors';
import type { StoredSummary, TailMessage } from '../store/contextTypes';

/**
 * The rolling summary: older turns folded by the model into a short text that is sent instead of
 * them. A summary covers the branch up to its `throughMessageId`, so it follows that branch only.
 */

/** The instruction the model folds with. */
export const FOLD_INSTRUCTION =
  'You keep the memory of a long conversation. Write a concise summary of the conversation below ' +
  '(and of the earlier summary, if one is given), keeping names, facts, decisions, open questions ' +
  "and the user's preferences. Write in the conversation's language, in the third person, no preamble.";

/** Longest time a fold may take before the answer goes ahead without it. */
const FOLD_TIMEOUT_MS = 60_000;

/** The messages a fold takes in, oldest first, and the summary it extends. */
export interface FoldInput {
  /** The newest message folded: the new summary's `throughMessageId`. */
  throughMessageId: string;
  messages: { role: TailMessage['role']; content: string }[];
  previous: StoredSummary | null;
  /** True when older messages did not fit the fold's own budget and are not in it. */
  cutShort: boolean;
}

/**
 * Collects what to fold: the branch from `throughMessageId` back, newest first, until an earlier
 * summary (which the fold extends), a "clear context here" divider, or `budget` tokens.
 */
export function collectFold(options: {
  tail: Iterable<TailMessage>;
  throughMessageId: string;
  summaries: readonly StoredSummary[];
  counter: TokenCounter;
  budget: number;
  /** Remaking a summary: the one being remade is not extended, its messages are read again. */
  ignoreSummaryId?: string;
}): FoldInput {
  const at = new Map<string, StoredSummary>();
  for (const summary of options.summaries) {
    if (summary.id !== options.ignoreSummaryId && !at.has(summary.throughMessageId))
      at.set(summary.throughMessageId, summary);
  }
  const newestFirst: FoldInput['messages'] = [];
  let previous: StoredSummary | null = null;
  let used = 0;
  let cutShort = false;
  let first = true;
  for (const message of options.tail) {
    // The summary being remade sits on its own through message: that message is folded again.
    const earlier = first ? undefined : at.get(message.id);
    first = false;
    if (earlier) {
      previous = earlier;
      break;
    }
    if (message.role === 'assistant' && !message.content) continue;
    const tokens = (message.tokens ?? options.counter.countText(message.content)) + 4;
    if (used + tokens > options.budget) {
      cutShort = true;
      break;
    }
    used += tokens;
    newestFirst.push({ role: message.role, content: message.content });
    if (message.contextBreak && newestFirst.length > 1) break;
  }
  if (previous) {
    // The earlier summary goes in whole: the oldest messages give way to it.
    const room = options.budget - options.counter.countText(previous.text);
    let total = used;
    while (total > room && newestFirst.length > 1) {
      const dropped = newestFirst.pop() as FoldInput['messages'][number];
      total -= options.counter.countText(dropped.content) + 4;
      cutShort = true;
    }
  }
  return {
    throughMessageId: options.throughMessageId,
    messages: newestFirst.reverse(),
    previous,
    cutShort,
  };
}

/** The transcript the model reads. */
function transcript(input: FoldInput): string {
  const lines: string[] = [];
  if (input.previous) lines.push(`Earlier summary:\n${input.previous.text}`, '');
  lines.push('Conversation:');
  for (const message of input.messages) {
    const who = message.role === 'user' ? 'User' : message.role === 'assistant' ? 'Assistant' : 'System';
    lines.push(`${who}: ${message.content}`);
  }
  return lines.join('\n');
}

/** One non-streamed model call for a short text (a summary); throws a mapped AppError, key scrubbed. */
export async function askForText(options: {
  client: OpenAI;
  model: string;
  instruction: string;
  text: string;
  signal?: AbortSignal;
  /** Caps the answer (a short summary); the server's default when left out. */
  maxTokens?: number;
}): Promise<string> {
  try {
    const completion = await options.client.chat.completions.create(
      {
        model: options.model,
        messages: [
          { role: 'system', content: options.instruction },
          { role: 'user', content: options.text },
        ],
        ...(options.maxTokens ? { max_tokens: options.maxTokens } : {}),
      },
      { signal: options.signal, timeout: FOLD_TIMEOUT_MS },
    );
    const text = completion.choices[0]?.message?.content?.trim() ?? '';
    if (!text) throw new AppError('server_error', 'The model returned an empty summary.');
    return text;
  } catch (err) {
    throw mapServiceError(err, { apiKey: options.client.apiKey, model: options.model });
  }
}

/** Asks the model for the summary; throws an AppError (mapped, key scrubbed) when it fails. */
export async function foldSummary(options: {
  client: OpenAI;
  model: string;
  input: FoldInput;
  signal?: AbortSignal;
}): Promise<string> {
  return askForText({
    client: options.client,
    model: options.model,
    instruction: FOLD_INSTRUCTION,
    text: transcript(options.input),
    signal: options.signal,
  });
}
