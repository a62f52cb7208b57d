import { describe, expect, it } from 'vitest';
import type { PersonaFields } from '../../shared/contextSchemas';
import { EMPTY_PERSONA, fromDraft, isImageAvatar, toDraft } from './personaForm';

const SKIPPY: PersonaFields = {
  ...EMPTY_PERSONA,
  name: 'Skippy',
  avatar: '🍺',
  systemPrompt: 'Be witty.',
  examples: [{ user: 'Hi', assistant: 'Hello, monkey.' }],
  openingMessage: 'Oh. It is you.',
  temperature: 0.9,
  providerId: 'api-example-com-v1',
  maxTokens: 300,
  stop: ['\nUSER:', 'END\\'],
  promptFormat: 'completion',
  template: { instruction: 'A chat with Skippy.', userLabel: 'USER', assistantLabel: 'SKIPPY' },
};

describe('persona form', () => {
  it('round-trips every field, stop sequences with line breaks written as \\n', () => {
    const draft = toDraft(SKIPPY);
    expect(draft.stop).toBe('\\nUSER:\nEND\\\\');
    expect(draft.temperature).toBe('0.9');
    expect(fromDraft(draft)).toEqual({ errors: null, fields: SKIPPY });
  });

  it('reads empty numbers as "follow the app", trims the name and drops empty examples', () => {
    const draft = {
      ...toDraft(SKIPPY),
      name: '  Ada ',
      temperature: '',
      maxTokens: ' ',
      topP: '0,5',
      examples: [...toDraft(SKIPPY).examples, { key: 99, user: ' ', assistant: '' }],
    };
    const { fields } = fromDraft(draft);
    expect(fields).toMatchObject({ name: 'Ada', temperature: null, maxTokens: null, topP: 0.5 });
    expect(fields?.examples).toEqual(SKIPPY.examples);
  });

  it('refuses what the contract would refuse, field by field', () => {
    const draft = {
      ...toDraft(SKIPPY),
      name: ' ',
      temperature: '3',
      maxTokens: '1.5',
      presencePenalty: 'loud',
      stop: 'a\nb\nc\nd\ne',
      assistantLabel: '',
    };
    expect(fromDraft(draft).errors).toEqual({
      name: { key: 'nameRequired' },
      temperature: { key: 'range', values: { min: 0, max: 2 } },
      maxTokens: { key: 'integer' },
      presencePenalty: { key: 'range', values: { min: -2, max: 2 } },
      stop: { key: 'tooManyStops', values: { max: 4 } },
      assistantLabel: { key: 'labelRequired' },
    });
  });

  it('keeps a chat persona without a template, and tells images from emoji', () => {
    const { fields } = fromDraft(toDraft({ ...EMPTY_PERSONA, name: 'Plain' }));
    expect(fields).toMatchObject({ promptFormat: 'chat', template: null, avatar: '🙂' });
    expect(isImageAvatar('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isImageAvatar('data:text/html;base64,PHNjcmlwdD4=')).toBe(false);
    expect(isImageAvatar('🍺')).toBe(false);
  });
});
