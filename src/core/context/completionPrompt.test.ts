import { describe, expect, it } from 'vitest';
import type { ContextPart } from '../../shared/contextSchemas';
import { renderCompletionPrompt } from './completionPrompt';

function part(kind: ContextPart['kind'], role: ContextPart['role'], content: string): ContextPart {
  return { kind, role, content, tokens: 0, messageId: null };
}

const SKIPPY = {
  instruction: 'The following is a conversation with Skippy, a sarcastic but helpful AI.',
  userLabel: 'USER',
  assistantLabel: 'SKIPPY',
};

describe('renderCompletionPrompt', () => {
  it('renders instruction, system prompt, examples, summary and history as labelled lines', () => {
    const { prompt, stop } = renderCompletionPrompt(SKIPPY, [
      part('system', 'system', 'Skippy calls the user "monkey".'),
      part('example', 'user', 'What is 2 + 2?'),
      part('example', 'assistant', 'Four, monkey. Even you knew that.'),
      part('summary', 'system', 'Earlier: the user asked about stars.'),
      part('history', 'user', 'Hello'),
      part('history', 'assistant', 'Oh, it is you again.'),
      part('draft', 'user', 'Tell me a joke.'),
    ]);
    expect(prompt).toBe(
      [
        'The following is a conversation with Skippy, a sarcastic but helpful AI.',
        '',
        'Skippy calls the user "monkey".',
        '',
        'Earlier: the user asked about stars.',
        '',
        'USER: What is 2 + 2?',
        'SKIPPY: Four, monkey. Even you knew that.',
        'USER: Hello',
        'SKIPPY: Oh, it is you again.',
        'USER: Tell me a joke.',
        'SKIPPY:',
      ].join('\n'),
    );
    expect(stop).toEqual(['\nUSER:', '\nSKIPPY:']);
  });

  it('falls back to USER/ASSISTANT with no template, and starts with the dialogue when nothing precedes it', () => {
    const { prompt, stop } = renderCompletionPrompt(null, [part('draft', 'user', '你好')]);
    expect(prompt).toBe('USER: 你好\nASSISTANT:');
    expect(stop).toEqual(['\nUSER:', '\nASSISTANT:']);
  });

  it('keeps a turn on its own lines: blank lines closed up, labels trimmed, one stop for equal labels', () => {
    const { prompt, stop } = renderCompletionPrompt(
      { instruction: '', userLabel: ' Me ', assistantLabel: 'Me' },
      [part('history', 'user', '  line one\r\n\r\n\r\nline two  ')],
    );
    expect(prompt).toBe('Me: line one\nline two\nMe:');
    expect(stop).toEqual(['\nMe:']);
  });
});
