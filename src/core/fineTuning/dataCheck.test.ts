import { describe, expect, it } from 'vitest';
import {
  estimateCounter,
  loadTokenCounter,
  TOKENS_PER_MESSAGE,
  TOKENS_PER_REQUEST,
} from '../../shared/tokens';
import { checkTrainingData, type CheckedLine } from './dataCheck';
import { trainingCost, trainingFiguresFor } from './trainingPrices';

const pair = (question: string, answer: string) =>
  JSON.stringify({
    messages: [
      { role: 'user', content: question },
      { role: 'assistant', content: answer },
    ],
  });

/** `count` distinct good lines, labelled `set:1`, `set:2`… */
const good = (count: number): CheckedLine[] =>
  Array.from({ length: count }, (_, index) => ({
    label: `set:${index + 1}`,
    line: pair(`Question ${index}?`, `Answer ${index}.`),
  }));

const options = {
  model: 'gpt-4o-mini',
  counter: estimateCounter(),
  exampleLimit: 1000,
  epochs: 3,
  pricePerMillion: 3,
};
const codes = (lines: CheckedLine[], extra: Partial<typeof options> = {}) =>
  checkTrainingData(lines, { ...options, ...extra }).issues.map((issue) => [
    issue.code,
    issue.severity,
    issue.examples,
  ]);

describe('the data check', () => {
  it('passes 50 clean examples with no finding', () => {
    const report = checkTrainingData(good(50), options);
    expect(report.issues).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.exampleCount).toBe(50);
  });

  it('flags a line that does not parse, or is not the chat format', () => {
    const lines = [
      ...good(50),
      { label: 'bad:1', line: '{"messages": [' },
      { label: 'bad:2', line: '{"prompt": "x"}' },
    ];
    expect(codes(lines)).toEqual([['unparsable', 'error', ['bad:1', 'bad:2']]]);
  });

  it('flags unknown roles and roles that do not alternate', () => {
    const weird = JSON.stringify({
      messages: [
        { role: 'bot', content: 'x' },
        { role: 'assistant', content: 'y' },
      ],
    });
    const twice = JSON.stringify({
      messages: [
        { role: 'system', content: 's' },
        { role: 'user', content: 'a' },
        { role: 'user', content: 'b' },
        { role: 'assistant', content: 'c' },
      ],
    });
    const lines = [...good(50), { label: 'w', line: weird }, { label: 't', line: twice }];
    expect(codes(lines)).toEqual([
      ['bad_role', 'error', ['w']],
      ['not_alternating', 'error', ['t']],
    ]);
  });

  it('flags empty content', () => {
    expect(codes([...good(50), { label: 'e', line: pair('Hi', '   ') }])).toEqual([
      ['empty_content', 'error', ['e']],
    ]);
  });

  it('flags an example with no assistant turn to learn from (none, or all weight 0)', () => {
    const question = JSON.stringify({ messages: [{ role: 'user', content: 'Only a question?' }] });
    const unweighted = JSON.stringify({
      messages: [
        { role: 'user', content: 'Q' },
        { role: 'assistant', content: 'A', weight: 0 },
      ],
    });
    expect(codes([...good(50), { label: 'q', line: question }, { label: 'u', line: unweighted }])).toEqual([
      ['no_assistant', 'error', ['q', 'u']],
    ]);
  });

  it('lists the examples over the limit, counted with the model encoding', async () => {
    const counter = await loadTokenCounter('gpt-4o-mini');
    const long = pair('Tell me everything.', 'word '.repeat(2000));
    const report = checkTrainingData([...good(50), { label: 'long', line: long }], { ...options, counter });
    expect(report.encoding).toBe('o200k_base');
    expect(report.issues).toEqual([
      { code: 'too_long', severity: 'error', examples: ['long'], figure: 1000 },
    ]);
    const tokens = report.tokens.find((entry) => entry.label === 'long')?.tokens ?? 0;
    // Two messages' framing, the reply primer, and the two texts in the model's encoding.
    const text = counter.countText('Tell me everything.') + counter.countText('word '.repeat(2000));
    expect(tokens).toBe(2 * TOKENS_PER_MESSAGE + TOKENS_PER_REQUEST + text);
    expect(text).toBeGreaterThan(2000);
    // The provider trains on (and bills) an over-long example cut to the limit.
    expect(report.trainingTokens).toBe(
      report.tokens.reduce((sum, entry) => sum + Math.min(entry.tokens, 1000), 0),
    );
  });

  it('needs at least 10 examples, and warns below 50', () => {
    expect(codes(good(9))).toEqual([['too_few', 'error', []]]);
    expect(checkTrainingData(good(9), options).ok).toBe(false);
    expect(codes(good(10))).toEqual([['few', 'warning', []]]);
    expect(checkTrainingData(good(10), options).ok).toBe(true);
  });

  it('warns about duplicates, whatever the spacing of the line', () => {
    const spaced = JSON.stringify(JSON.parse(good(1)[0].line), null, 0).replace('{', '{ ');
    expect(codes([...good(50), { label: 'again', line: spaced }])).toEqual([
      ['duplicate', 'warning', ['again']],
    ]);
  });

  it('warns when the price table does not know the model', () => {
    const report = checkTrainingData(good(50), { ...options, pricePerMillion: null });
    expect(report.issues.map((issue) => issue.code)).toEqual(['no_price']);
    expect(report.estimatedCost).toBeNull();
  });
});

describe('the cost estimate', () => {
  it('is training tokens × epochs at the price per million', () => {
    const report = checkTrainingData(good(50), { ...options, epochs: 4, pricePerMillion: 3 });
    expect(report.billedTokens).toBe(report.trainingTokens * 4);
    expect(report.estimatedCost).toBeCloseTo((report.trainingTokens * 4 * 3) / 1_000_000, 12);
    expect(trainingCost(1_000_000, 3, 25)).toBe(75);
    expect(trainingCost(500_000, 2, null)).toBeNull();
  });

  it('finds a base model family, dated snapshots included, and knows nothing of others', () => {
    expect(trainingFiguresFor('gpt-4o-mini-2024-07-18')).toMatchObject({
      model: 'gpt-4o-mini',
      pricePerMillion: 3,
    });
    expect(trainingFiguresFor('gpt-4o-2024-08-06')).toMatchObject({ model: 'gpt-4o', pricePerMillion: 25 });
    expect(trainingFiguresFor('gpt-4.1-mini')).toMatchObject({ pricePerMillion: 5 });
    expect(trainingFiguresFor('openai/gpt-3.5-turbo')).toMatchObject({ exampleLimit: 16_385 });
    expect(trainingFiguresFor('llama3.1:8b')).toBeNull();
  });
});
