import { describe, expect, it } from 'vitest';
import { costOf, resolveModel, tableRows } from './modelTable';
import { reportedModel } from './modelTableService';

const none = { user: [], server: [] };

describe('the model table', () => {
  it('gives dated snapshots and vendor-prefixed names their family figures', () => {
    expect(resolveModel(none, 'gpt-4o-mini-2024-07-18')).toMatchObject({
      contextWindow: 128_000,
      maxOutput: 16_384,
      known: true,
    });
    expect(resolveModel(none, 'gpt-4o-2024-08-06').price).toEqual({
      input: 2.5,
      output: 10,
      cachedInput: 1.25,
    });
    expect(resolveModel(none, 'openai/gpt-4.1-nano')).toMatchObject({
      id: 'openai/gpt-4.1-nano',
      contextWindow: 1_047_576,
    });
    expect(resolveModel(none, 'gpt-4')).toMatchObject({ contextWindow: 8_192 });
    expect(resolveModel(none, 'qwen2.5:7b')).toMatchObject({
      contextWindow: 8_192,
      price: null,
      known: false,
    });
  });

  it('puts the user over the server over the built-ins', () => {
    const user = [
      { id: 'gpt-4o', contextWindow: 10_000, maxOutput: 1_000, price: null, source: 'user' as const },
    ];
    const server = [
      { id: 'gpt-4o', contextWindow: 20_000, maxOutput: 1_000, price: null, source: 'server' as const },
    ];
    expect(resolveModel({ user, server }, 'gpt-4o').contextWindow).toBe(10_000);
    expect(resolveModel({ user: [], server }, 'gpt-4o').contextWindow).toBe(20_000);
    expect(tableRows({ user, server }).filter((row) => row.id === 'gpt-4o')).toEqual(user);
  });

  it('reads the window from the fields servers use in /v1/models', () => {
    expect(reportedModel({ id: 'a', max_model_len: 32_768 }).contextWindow).toBe(32_768);
    expect(reportedModel({ id: 'b', meta: { n_ctx_train: 131_072 } }).contextWindow).toBe(131_072);
    expect(reportedModel({ id: 'c', max_context_length: 8_192 }).contextWindow).toBe(8_192);
    expect(
      reportedModel({ id: 'd', context_length: 200_000, top_provider: { max_completion_tokens: 4_096 } }),
    ).toEqual({
      id: 'd',
      contextWindow: 200_000,
      maxOutput: 4_096,
    });
    expect(reportedModel({ id: 'e', context_length: 'lots' }).contextWindow).toBeNull();
  });

  it('prices tokens per million', () => {
    expect(costOf({ input: 2.5, output: 10, cachedInput: null }, 1_000_000, 500_000)).toBe(7.5);
    expect(costOf(null, 10, 10)).toBeNull();
  });
});
