import { beforeAll, describe, expect, it } from 'vitest';
import type { Persona } from '../../shared/contextSchemas';
import { DEFAULT_MEMORY, type MemorySettings } from '../../shared/schemas';
import { loadTokenCounter, type TokenCounter } from '../../shared/tokens';
import type { StoredSummary, TailMessage } from '../store/contextTypes';
import { buildContext, SUMMARY_PREFIX, type BuildInput } from './builder';
import { renderCompletionPrompt } from './completionPrompt';
import { resolveModel, type ResolvedModel } from './modelTable';

// The builder alone: a branch given newest first, the real tokenizer, no store.

let counter: TokenCounter;
beforeAll(async () => {
  counter = await loadTokenCounter('gpt-4o');
});

/** A branch of `n` messages, user and assistant in turn, oldest first (ids m0, m1, …). */
function branch(n: number, text = (i: number) => `message number ${i}`): TailMessage[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
    content: text(i),
    status: 'done' as const,
    contextBreak: false,
    tokens: null,
  }));
}

/** The tail newest first, counting how many messages the builder pulled from it. */
function tailOf(messages: TailMessage[]): { tail: Iterable<TailMessage>; read: () => number } {
  let read = 0;
  const newestFirst = [...messages].reverse();
  return {
    tail: {
      *[Symbol.iterator]() {
        for (const message of newestFirst) {
          read++;
          yield message;
        }
      },
    },
    read: () => read,
  };
}

const model = (contextWindow: number, maxOutput: number): ResolvedModel => ({
  id: 'gpt-4o',
  contextWindow,
  maxOutput,
  price: { input: 2.5, output: 10, cachedInput: null },
  source: 'user',
  known: true,
});

function input(messages: TailMessage[], overrides: Partial<BuildInput> = {}): BuildInput {
  return {
    conversationId: 'c1',
    answerId: null,
    memory: DEFAULT_MEMORY,
    persona: null,
    settings: { model: 'gpt-4o', systemPrompt: 'Be kind.', temperature: 1, topP: 1, maxTokens: null },
    model: resolveModel({ user: [], server: [] }, 'gpt-4o'),
    counter,
    tail: tailOf(messages).tail,
    answering: true,
    summaries: [],
    renderCompletion: renderCompletionPrompt,
    ...overrides,
  };
}

const historyIds = (result: ReturnType<typeof buildContext>) =>
  result.preview.parts.filter((p) => p.kind === 'history').map((p) => p.messageId);

const persona = (overrides: Partial<Persona> = {}): Persona => ({
  id: 'p1',
  builtIn: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  name: 'Skippy',
  avatar: '🦘',
  systemPrompt: 'You are Skippy, a cheeky kangaroo.',
  examples: [{ user: 'Hi!', assistant: 'G’day, mate!' }],
  openingMessage: '',
  model: null,
  temperature: 0.3,
  topP: null,
  maxTokens: 200,
  stop: ['###'],
  presencePenalty: 0.5,
  frequencyPenalty: null,
  promptFormat: 'chat',
  template: null,
  ...overrides,
});

describe('fit_window', () => {
  it('sends the whole short branch with the system prompt, counted exactly', () => {
    const result = buildContext(input(branch(5)));
    expect(result.request.messages).toEqual([
      { role: 'system', content: 'Be kind.' },
      ...branch(5).map((m) => ({ role: m.role, content: m.content })),
    ]);
    const expected = result.preview.parts.reduce((sum, p) => sum + counter.countMessage(p.content), 0) + 3;
    expect(result.preview.totalTokens).toBe(expected);
    expect(result.preview.leftOut).toEqual([]);
    expect(result.newCounts).toHaveLength(5);
  });

  it('never exceeds the budget, keeps the newest messages, and reads one message past what it sends', () => {
    for (const window of [300, 500, 900, 2_000]) {
      const messages = branch(400, (i) => `message ${i} `.repeat(1 + (i % 7)));
      const { tail, read } = tailOf(messages);
      const result = buildContext(input(messages, { tail, model: model(window, 100) }));
      const history = result.preview.parts.filter((p) => p.kind === 'history');
      const used = history.reduce((sum, p) => sum + p.tokens, 0);
      expect(used).toBeLessThanOrEqual(result.preview.historyBudget);
      expect(result.preview.totalTokens).toBeLessThanOrEqual(window - result.preview.maxOutput);
      // The newest run, contiguous, ending with the message answered.
      expect(history.at(-1)?.messageId).toBe('m399');
      const first = Number(history[0].messageId?.slice(1));
      expect(historyIds(result)).toEqual(messages.slice(first).map((m) => m.id));
      expect(read()).toBe(history.length + 1);
      expect(result.preview.leftOut).toEqual([
        { messageId: `m${first - 1}`, reason: 'over_budget', tokens: expect.any(Number) },
      ]);
    }
  });

  it('uses cached counts instead of counting again', () => {
    const messages = branch(3).map((m) => ({ ...m, tokens: 50 }));
    const result = buildContext(input(messages));
    expect(result.newCounts).toEqual([]);
    expect(result.preview.parts.filter((p) => p.kind === 'history').map((p) => p.tokens)).toEqual([
      54, 54, 54,
    ]);
  });
});

describe('last_exchanges', () => {
  const memory = (exchanges: number): MemorySettings => ({ strategy: 'last_exchanges', exchanges });

  it('keeps the new message and the N exchanges before it', () => {
    const messages = branch(9); // m8 is the new user message
    expect(historyIds(buildContext(input(messages, { memory: memory(2) })))).toEqual([
      'm4',
      'm5',
      'm6',
      'm7',
      'm8',
    ]);
    expect(historyIds(buildContext(input(messages, { memory: memory(0) })))).toEqual(['m8']);
    const result = buildContext(input(messages, { memory: memory(1) }));
    expect(historyIds(result)).toEqual(['m6', 'm7', 'm8']);
    expect(result.preview.leftOut).toEqual([
      { messageId: 'm5', reason: 'older_than_exchanges', tokens: expect.any(Number) },
    ]);
  });

  it('counts exchanges before a draft the same way', () => {
    const messages = branch(8);
    const result = buildContext(input(messages, { memory: memory(1), answering: false, draft: 'next' }));
    expect(historyIds(result)).toEqual(['m6', 'm7']);
    expect(result.preview.parts.at(-1)).toMatchObject({ kind: 'draft', content: 'next', messageId: null });
    expect(result.preview.draftTokens).toBe(counter.countMessage('next'));
  });
});

describe('what is left out', () => {
  it('stops at a "clear context here" divider', () => {
    const messages = branch(7);
    messages[3].contextBreak = true;
    const { tail, read } = tailOf(messages);
    const result = buildContext(input(messages, { tail }));
    expect(historyIds(result)).toEqual(['m4', 'm5', 'm6']);
    expect(result.preview.leftOut).toEqual([
      { messageId: 'm3', reason: 'before_break', tokens: expect.any(Number) },
    ]);
    expect(read()).toBe(4);
  });

  it('leaves failed answers out', () => {
    const messages = branch(5);
    messages[3] = { ...messages[3], content: '', status: 'error' };
    const result = buildContext(input(messages));
    expect(historyIds(result)).toEqual(['m0', 'm1', 'm2', 'm4']);
    expect(result.preview.leftOut).toEqual([{ messageId: 'm3', reason: 'failed', tokens: 0 }]);
  });

  it('drops the oldest history after the service said it was too long, never the message answered', () => {
    const result = buildContext(input(branch(9), { dropOldest: 4 }));
    expect(result.dropped).toBe(4);
    expect(historyIds(result)).toEqual(['m4', 'm5', 'm6', 'm7', 'm8']);
    expect(result.preview.leftOut.map((e) => e.reason)).toEqual(Array(4).fill('trimmed_after_error'));
    expect(buildContext(input(branch(1), { dropOldest: 4 })).dropped).toBe(0);
  });
});

describe('summarize', () => {
  const summary = (through: string, text = 'They talked about kangaroos.'): StoredSummary => ({
    id: `s-${through}`,
    conversationId: 'c1',
    throughMessageId: through,
    text,
    version: 1,
    edited: false,
    createdAt: '2026-01-01T00:00:00.000Z',
  });
  const memory: MemorySettings = { strategy: 'summarize', exchanges: 10 };

  it('sends the summary instead of the messages it folds, and reads no further', () => {
    const messages = branch(9);
    const { tail, read } = tailOf(messages);
    const result = buildContext(input(messages, { tail, memory, summaries: [summary('m3')] }));
    expect(result.request.messages.slice(0, 2)).toEqual([
      { role: 'system', content: 'Be kind.' },
      { role: 'system', content: `${SUMMARY_PREFIX}They talked about kangaroos.` },
    ]);
    expect(historyIds(result)).toEqual(['m4', 'm5', 'm6', 'm7', 'm8']);
    expect(result.preview.summary).toMatchObject({ id: 's-m3', throughMessageId: 'm3' });
    expect(result.preview.leftOut).toEqual([
      { messageId: 'm3', reason: 'summarized', tokens: expect.any(Number) },
    ]);
    expect(read()).toBe(6);
  });

  it("ignores another branch's summary (its last message is not on this branch)", () => {
    const result = buildContext(input(branch(9), { memory, summaries: [summary('other-branch-m3')] }));
    expect(result.preview.summary).toBeNull();
    expect(historyIds(result)).toHaveLength(9);
  });

  it('is not used under other strategies', () => {
    const result = buildContext(input(branch(9), { summaries: [summary('m3')] }));
    expect(result.preview.summary).toBeNull();
  });
});

describe('persona', () => {
  it('puts the system prompt and examples first, with its sampling and stop sequences', () => {
    const result = buildContext(input(branch(1), { persona: persona() }));
    expect(result.request.messages).toEqual([
      { role: 'system', content: 'You are Skippy, a cheeky kangaroo.' },
      { role: 'user', content: 'Hi!' },
      { role: 'assistant', content: 'G’day, mate!' },
      { role: 'user', content: 'message number 0' },
    ]);
    expect(result.preview.parts.map((p) => p.kind)).toEqual(['system', 'example', 'example', 'history']);
    expect(result.request.sampling).toEqual({
      temperature: 0.3,
      topP: 1,
      maxTokens: 200,
      stop: ['###'],
      presencePenalty: 0.5,
    });
    expect(result.preview.stop).toEqual(['###']);
    expect(result.preview.maxOutput).toBe(200);
  });

  it('renders one prompt for a base model, with the template labels as stop sequences', () => {
    const result = buildContext(
      input(branch(3), {
        persona: persona({
          promptFormat: 'completion',
          template: { instruction: 'A chat.', userLabel: 'USER', assistantLabel: 'SKIPPY' },
        }),
      }),
    );
    expect(result.request.promptFormat).toBe('completion');
    expect(result.request.messages).toEqual([]);
    expect(result.request.prompt).toBe(
      'A chat.\n\nYou are Skippy, a cheeky kangaroo.\n\nUSER: Hi!\nSKIPPY: G’day, mate!\nUSER: message number 0\nSKIPPY: message number 1\nUSER: message number 2\nSKIPPY:',
    );
    expect(result.request.sampling.stop).toEqual(['\nUSER:', '\nSKIPPY:', '###']);
    expect(result.preview.totalTokens).toBe(counter.countText(result.request.prompt ?? ''));
  });
});

describe('bad input falls back safely, saying so', () => {
  it('a window smaller than the system prompt: examples dropped, the system prompt and the message sent', () => {
    const long = 'You are a very detailed persona. '.repeat(200);
    const result = buildContext(
      input(branch(5), { persona: persona({ systemPrompt: long, maxTokens: null }), model: model(500, 100) }),
    );
    expect(result.preview.warnings.map((w) => w.code)).toContain('system_over_window');
    expect(result.request.messages).toEqual([
      { role: 'system', content: long.trim() },
      { role: 'user', content: 'message number 4' },
    ]);
    expect(result.preview.historyBudget).toBe(0);
  });

  it('a max output larger than the window is not sent', () => {
    const result = buildContext(
      input(branch(3), {
        model: model(4_000, 1_000),
        settings: { model: 'gpt-4o', systemPrompt: '', temperature: 1, topP: 1, maxTokens: 50_000 },
      }),
    );
    expect(result.request.sampling.maxTokens).toBeNull();
    expect(result.preview.maxOutput).toBe(1_000);
    expect(result.preview.warnings[0]).toMatchObject({ code: 'max_output_over_window' });
    expect(historyIds(result)).toHaveLength(3);
  });

  it('an unknown model gets a guessed window and estimated counts, labelled', async () => {
    const estimate = await loadTokenCounter('my-local-llama');
    const result = buildContext(
      input(branch(3), {
        counter: estimate,
        model: resolveModel({ user: [], server: [] }, 'my-local-llama'),
      }),
    );
    expect(result.preview.contextWindow).toBe(8_192);
    expect(result.preview.counting.estimated).toBe(true);
    expect(result.preview.warnings.map((w) => w.code)).toEqual(['model_unknown', 'estimate']);
    expect(result.preview.estimatedInputCost).toBeNull();
  });
});

describe('source parts of a younger-self turn', () => {
  const part = (kind: 'summary' | 'excerpt', content: string) => ({
    kind,
    role: 'system' as const,
    content,
    tokens: counter.countMessage(content),
    messageId: null,
  });
  const sources = (summaryText: string) => ({
    fixed: [],
    besideRanked: [part('summary', summaryText)],
    ranked: [part('excerpt', 'Diary entry of 1660-01-01: church.')],
    whole: [
      part('excerpt', 'Diary entry of 1660-01-01: church.'),
      part('excerpt', 'Diary entry of 1660-01-02: office.'),
    ],
    share: 0.6,
  });
  const contents = (result: ReturnType<typeof buildContext>) =>
    result.preview.parts.filter((p) => p.kind !== 'history').map((p) => p.content);

  it('sends the summary beside the retrieved entries, and not when the whole period fits', () => {
    const partial = buildContext(
      input(branch(1), { sourceParts: { ...sources('The year, month by month.'), whole: [] } }),
    );
    expect(contents(partial)).toEqual([
      'Be kind.',
      'The year, month by month.',
      'Diary entry of 1660-01-01: church.',
    ]);
    const whole = buildContext(input(branch(1), { sourceParts: sources('The year, month by month.') }));
    expect(contents(whole)).toEqual([
      'Be kind.',
      'Diary entry of 1660-01-01: church.',
      'Diary entry of 1660-01-02: office.',
    ]);
  });

  it('leaves out a summary over half of the excerpts’ share, with a warning, and keeps the excerpts', () => {
    const long = 'word '.repeat(3000);
    const result = buildContext(
      input(branch(1), { model: model(8_000, 1_000), sourceParts: { ...sources(long), whole: [] } }),
    );
    expect(contents(result)).toEqual(['Be kind.', 'Diary entry of 1660-01-01: church.']);
    expect(result.preview.warnings.map((w) => w.code)).toContain('period_summary_too_long');
  });
});
