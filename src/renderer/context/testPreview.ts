import { vi } from 'vitest';
import type { ContextPreview } from '../../shared/contextSchemas';
import type { Message } from '../../shared/schemas';

/** A next-turn preview with sensible defaults, for tests. */
export function makePreview(extra: Partial<ContextPreview> = {}): ContextPreview {
  return {
    conversationId: 'c1',
    answerId: null,
    model: 'gpt-4o',
    promptFormat: 'chat',
    memory: { strategy: 'fit_window', exchanges: 10 },
    parts: [],
    prompt: null,
    stop: [],
    leftOut: [],
    summary: null,
    counting: { encoding: 'o200k_base', estimated: false, perMessage: 4, perRequest: 3 },
    totalTokens: 1234,
    draftTokens: 0,
    contextWindow: 128_000,
    maxOutput: 4096,
    historyBudget: 120_000,
    estimatedInputCost: 0.0123,
    warnings: [],
    ...extra,
  };
}

/** A stored message with sensible defaults, for tests. */
export function makeMessage(id: string, role: Message['role'], extra: Partial<Message> = {}): Message {
  return {
    id,
    conversationId: 'c1',
    parentId: null,
    role,
    content: `${role} ${id}`,
    contentLength: `${role} ${id}`.length,
    status: 'done',
    error: null,
    model: role === 'assistant' ? 'gpt-4o' : null,
    usage: null,
    cost: null,
    createdAt: '2026-12-01T10:00:00.000Z',
    truncatedChars: 0,
    contextBreak: false,
    contextRecorded: true,
    droppedToFit: 0,
    siblingIds: [id],
    ...extra,
  };
}

/** A recorded bridge call. */
export interface Call {
  method: string;
  input: Record<string, unknown>;
}

/**
 * The `../bridge/api` module for `vi.mock`, answering each method with `answers[method]` (a value
 * or a function of the input) and recording every call in `calls`.
 */
export function scriptedBridge(
  calls: Call[],
  answers: Record<string, unknown | ((input: Record<string, unknown>) => unknown)>,
) {
  return {
    BridgeError: Error,
    call: vi.fn(async (method: string, input: Record<string, unknown>) => {
      calls.push({ method, input });
      const answer = answers[method];
      if (answer === undefined) throw new Error(`unexpected call ${method}`);
      return typeof answer === 'function'
        ? (answer as (i: Record<string, unknown>) => unknown)(input)
        : structuredClone(answer);
    }),
    onEvent: () => () => undefined,
  };
}
