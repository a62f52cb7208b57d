import { describe, expect, it } from 'vitest';
import o200k from 'gpt-tokenizer/encoding/o200k_base';
import cl100k from 'gpt-tokenizer/encoding/cl100k_base';
import { countingFor, encodingFor, estimateTokens, loadTokenCounter, segments } from './index';

// Known values: computed once with gpt-tokenizer 4 (the same as tiktoken's for these encodings)
// and checked by hand against published examples: "hello world" is 2 tokens in both encodings,
// and OpenAI's API reports 9 prompt tokens for the one message {user: "Hello!"} (2 tokens of
// text + 3 of framing + 1 for the role + 3 priming the reply), as the cookbook counts.
const KNOWN: { text: string; o200k: number; cl100k: number }[] = [
  { text: 'hello world', o200k: 2, cl100k: 2 },
  { text: '你好，世界！今天天气很好。', o200k: 9, cl100k: 16 },
  { text: '😀🐱👍🏽', o200k: 6, cl100k: 11 },
  { text: '<|endoftext|>', o200k: 7, cl100k: 7 },
];

describe('token counting', () => {
  it('picks the encoding per model, and an estimate for other endpoints', () => {
    expect(encodingFor('gpt-4o-mini')).toBe('o200k_base');
    expect(encodingFor('gpt-4o-2024-08-06')).toBe('o200k_base');
    expect(encodingFor('gpt-4.1-nano')).toBe('o200k_base');
    expect(encodingFor('gpt-5-mini')).toBe('o200k_base');
    expect(encodingFor('o3')).toBe('o200k_base');
    expect(encodingFor('o4-mini')).toBe('o200k_base');
    expect(encodingFor('gpt-4')).toBe('cl100k_base');
    expect(encodingFor('gpt-4-turbo')).toBe('cl100k_base');
    expect(encodingFor('gpt-3.5-turbo')).toBe('cl100k_base');
    expect(encodingFor('llama-3.1-8b-instruct')).toBe('estimate');
    expect(countingFor('qwen2.5:7b')).toMatchObject({ encoding: 'estimate', estimated: true });
    expect(countingFor('gpt-4o')).toEqual({
      encoding: 'o200k_base',
      estimated: false,
      perMessage: 4,
      perRequest: 3,
    });
  });

  it.each(KNOWN)('counts "$text" exactly in both encodings', async ({ text, o200k, cl100k }) => {
    expect((await loadTokenCounter('gpt-4o')).countText(text)).toBe(o200k);
    expect((await loadTokenCounter('gpt-4')).countText(text)).toBe(cl100k);
  });

  it('counts special-token strings as text instead of throwing', async () => {
    const counter = await loadTokenCounter('gpt-4o');
    const text = 'before <|endoftext|> and <|im_start|>system<|im_sep|> after';
    expect(() => counter.countText(text)).not.toThrow();
    expect(counter.countText(text)).toBeGreaterThan(10);
  });

  it("adds the chat format's overhead per message, as the API bills it", async () => {
    const counter = await loadTokenCounter('gpt-3.5-turbo');
    expect(counter.countMessage('Hello!') + counter.counting.perRequest).toBe(9);
  });

  it('estimates other models: about four characters a token, one per CJK character', async () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcdefgh')).toBe(2);
    expect(estimateTokens('你好世界')).toBe(4);
    expect(estimateTokens('🐱🐱🐱🐱')).toBe(1);
    const counter = await loadTokenCounter('mistral-7b');
    expect(counter.counting.estimated).toBe(true);
    expect(counter.countText('你好世界 hello')).toBe(4 + 2);
  });

  it("counts long text in pieces with exactly the tokenizer's count for ordinary text", async () => {
    const asText = { disallowedSpecial: new Set<string>() };
    const texts = [
      "The garden, in the morning: coffee! I remember it's friendship (mountain). Then home!\n\n  Indented   spaces\tand tabs.\r\n".repeat(
        40,
      ),
      '我们今天去学校图书馆看书。朋友下雨天气，日记小时候生日礼物！「引号」（括号）：'.repeat(80),
      `Hello 你好 world. 😀🐱 emoji, numbers 12345678 and <|endoftext|> ${'a'.repeat(20)}\n`.repeat(60),
    ];
    const gpt4o = await loadTokenCounter('gpt-4o');
    const gpt4 = await loadTokenCounter('gpt-4');
    for (const text of texts) {
      expect(segments(text).length).toBeGreaterThan(1);
      expect(segments(text).join('')).toBe(text);
      expect(gpt4o.countText(text)).toBe(o200k.countTokens(text, asText));
      expect(gpt4.countText(text)).toBe(cl100k.countTokens(text, asText));
    }
    // A long run with no separator is cut inside (the count may move by a token per cut), never
    // inside a surrogate pair.
    const run = '🐱'.repeat(300);
    expect(segments(run).every((piece) => !/^[\udc00-\udfff]/.test(piece))).toBe(true);
    expect(Math.abs(gpt4o.countText(run) - o200k.countTokens(run, asText))).toBeLessThanOrEqual(
      segments(run).length,
    );
  });
});
