import type { PersonaFields } from '../../shared/contextSchemas';

/** A valid persona's fields for tests, with `overrides` applied. */
export function personaFields(overrides: Partial<PersonaFields> = {}): PersonaFields {
  return {
    name: 'Tester',
    avatar: '🧪',
    systemPrompt: 'You test things.',
    examples: [{ user: 'Ping?', assistant: 'Pong.' }],
    openingMessage: 'Ready when you are.',
    model: null,
    temperature: 0.3,
    topP: null,
    maxTokens: 200,
    stop: ['END'],
    presencePenalty: null,
    frequencyPenalty: 0.5,
    promptFormat: 'chat',
    template: null,
    ...overrides,
  };
}
