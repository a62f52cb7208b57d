import { describe, expect, it } from 'vitest';
import type { TrainingExample, TrainingMessage } from '../../shared/fineTuningSchemas';
import { exampleLine, splitValidation, writeJsonl } from './jsonl';

const message = (role: string, content: string, extra: Partial<TrainingMessage> = {}): TrainingMessage => ({
  role,
  content,
  excluded: false,
  weight: 1,
  ...extra,
});

const example = (id: string, messages: TrainingMessage[], raw: string | null = null): TrainingExample => ({
  id,
  source: 'conversation',
  label: id,
  conversationId: null,
  messages,
  raw,
  createdAt: '2024-01-01T00:00:00.000Z',
});

describe('the JSONL writer', () => {
  it('writes one {"messages": [...]} object per line, ending every line with a newline', () => {
    const text = writeJsonl([
      example('a', [message('system', 'Be kind.'), message('user', 'Hi'), message('assistant', 'Hello!')]),
      example('b', [message('user', '你好'), message('assistant', '你好，今天怎么样？')]),
    ]);
    expect(text.endsWith('\n')).toBe(true);
    const lines = text.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0])).toEqual({
      messages: [
        { role: 'system', content: 'Be kind.' },
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
      ],
    });
    // UTF-8 as it is, not \u escapes: the file is readable and its byte count is the real one.
    expect(lines[1]).toContain('你好，今天怎么样？');
    expect(Buffer.from(text, 'utf8').toString('utf8')).toBe(text);
  });

  it('leaves excluded messages out and marks an assistant turn not trained on with weight 0', () => {
    const line = exampleLine(
      example('a', [
        message('user', 'Q1'),
        message('assistant', 'bad answer', { weight: 0 }),
        message('user', 'aside', { excluded: true }),
        message('user', 'Q2'),
        message('assistant', 'good answer'),
      ]),
    );
    expect(JSON.parse(line)).toEqual({
      messages: [
        { role: 'user', content: 'Q1' },
        { role: 'assistant', content: 'bad answer', weight: 0 },
        { role: 'user', content: 'Q2' },
        { role: 'assistant', content: 'good answer' },
      ],
    });
  });

  it('writes an unparsable imported line back as it was, so the check can name it', () => {
    expect(exampleLine(example('x', [], '{"messages": [oops'))).toBe('{"messages": [oops');
  });

  it('holds out a share spread through the set, never all of it', () => {
    const set = Array.from({ length: 10 }, (_, index) =>
      example(`e${index}`, [message('user', `q${index}`)]),
    );
    const { train, validation } = splitValidation(set, 20);
    expect(validation.map((item) => item.id)).toEqual(['e2', 'e7']);
    expect(train).toHaveLength(8);
    expect(splitValidation(set, 0).validation).toEqual([]);
    expect(splitValidation(set.slice(0, 2), 50)).toMatchObject({
      train: [{ id: 'e0' }],
      validation: [{ id: 'e1' }],
    });
    expect(splitValidation(set.slice(0, 1), 50).validation).toEqual([]);
  });
});
