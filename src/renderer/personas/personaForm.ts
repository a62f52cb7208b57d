import type { PersonaFields, PromptFormat } from '../../shared/contextSchemas';

/** One few-shot example as the editor holds it; `key` keeps React rows stable while editing. */
export interface ExampleDraft {
  key: number;
  user: string;
  assistant: string;
}

/** The editor's form: every field as the user types it (numbers as text, stop sequences as lines). */
export interface PersonaDraft {
  name: string;
  avatar: string;
  systemPrompt: string;
  openingMessage: string;
  examples: ExampleDraft[];
  model: string;
  /** The saved provider's id ('' = the provider in use). */
  providerId: string;
  temperature: string;
  topP: string;
  maxTokens: string;
  presencePenalty: string;
  frequencyPenalty: string;
  stop: string;
  promptFormat: PromptFormat;
  instruction: string;
  userLabel: string;
  assistantLabel: string;
}

/** The fields a draft can get an error on. */
export type DraftField = keyof Omit<PersonaDraft, 'examples' | 'promptFormat'>;

/** Why a field is refused: a key of `personas:errors`, with the values its text needs. */
export interface DraftError {
  key: 'nameRequired' | 'range' | 'integer' | 'tooManyStops' | 'stopTooLong' | 'labelRequired';
  values?: Record<string, number>;
}

let exampleKeys = 0;

/** A fresh example row. */
export function newExample(user = '', assistant = ''): ExampleDraft {
  return { key: ++exampleKeys, user, assistant };
}

/** The fields a new persona starts with. */
export const EMPTY_PERSONA: PersonaFields = {
  name: '',
  avatar: '🙂',
  systemPrompt: '',
  examples: [],
  openingMessage: '',
  model: null,
  providerId: null,
  temperature: null,
  topP: null,
  maxTokens: null,
  stop: [],
  presencePenalty: null,
  frequencyPenalty: null,
  promptFormat: 'chat',
  template: null,
};

const number = (value: number | null): string => (value === null ? '' : String(value));

// A stop sequence often starts with a line break ("\nUSER:"); in a one-per-line box it is written
// as the two characters \n, and turned back on save.
const showStop = (stop: string): string => stop.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
const readStop = (line: string): string =>
  line.replace(/\\(\\|n)/g, (_match, escaped: string) => (escaped === 'n' ? '\n' : '\\'));

/** The form for a persona's fields. */
export function toDraft(fields: PersonaFields): PersonaDraft {
  return {
    name: fields.name,
    avatar: fields.avatar,
    systemPrompt: fields.systemPrompt,
    openingMessage: fields.openingMessage,
    examples: fields.examples.map((e) => newExample(e.user, e.assistant)),
    model: fields.model ?? '',
    providerId: fields.providerId ?? '',
    temperature: number(fields.temperature),
    topP: number(fields.topP),
    maxTokens: number(fields.maxTokens),
    presencePenalty: number(fields.presencePenalty),
    frequencyPenalty: number(fields.frequencyPenalty),
    stop: fields.stop.map(showStop).join('\n'),
    promptFormat: fields.promptFormat,
    instruction: fields.template?.instruction ?? '',
    userLabel: fields.template?.userLabel ?? 'USER',
    assistantLabel: fields.template?.assistantLabel ?? (fields.name.trim().toUpperCase() || 'ASSISTANT'),
  };
}

type Checked =
  { fields: PersonaFields; errors: null } | { fields: null; errors: Partial<Record<DraftField, DraftError>> };

/** The persona fields a draft stands for, or the errors to show beside its fields. */
export function fromDraft(draft: PersonaDraft): Checked {
  const errors: Partial<Record<DraftField, DraftError>> = {};
  const optionalNumber = (field: DraftField, min: number, max: number, integer = false): number | null => {
    const text = draft[field].trim();
    if (!text) return null;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || value < min || value > max) {
      errors[field] = { key: 'range', values: { min, max } };
      return null;
    }
    if (integer && !Number.isInteger(value)) {
      errors[field] = { key: 'integer' };
      return null;
    }
    return value;
  };

  const name = draft.name.trim();
  if (!name) errors.name = { key: 'nameRequired' };
  const temperature = optionalNumber('temperature', 0, 2);
  const topP = optionalNumber('topP', 0, 1);
  const maxTokens = optionalNumber('maxTokens', 1, 1_000_000, true);
  const presencePenalty = optionalNumber('presencePenalty', -2, 2);
  const frequencyPenalty = optionalNumber('frequencyPenalty', -2, 2);
  const stop = draft.stop
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map(readStop);
  if (stop.length > 4) errors.stop = { key: 'tooManyStops', values: { max: 4 } };
  else if (stop.some((s) => s.length > 100)) errors.stop = { key: 'stopTooLong', values: { max: 100 } };
  const completion = draft.promptFormat === 'completion';
  if (completion && !draft.userLabel.trim()) errors.userLabel = { key: 'labelRequired' };
  if (completion && !draft.assistantLabel.trim()) errors.assistantLabel = { key: 'labelRequired' };
  if (Object.keys(errors).length > 0) return { fields: null, errors };

  // The template is kept for a chat persona too, so switching the format back and forth loses nothing.
  const hasTemplate = completion || draft.instruction.trim() !== '';
  return {
    errors: null,
    fields: {
      name,
      avatar: draft.avatar.trim() || EMPTY_PERSONA.avatar,
      systemPrompt: draft.systemPrompt,
      openingMessage: draft.openingMessage,
      examples: draft.examples
        .filter((e) => e.user.trim() || e.assistant.trim())
        .map(({ user, assistant }) => ({ user, assistant })),
      model: draft.model.trim() || null,
      providerId: draft.providerId || null,
      temperature,
      topP,
      maxTokens,
      stop,
      presencePenalty,
      frequencyPenalty,
      promptFormat: draft.promptFormat,
      template: hasTemplate
        ? {
            instruction: draft.instruction,
            userLabel: draft.userLabel.trim() || 'USER',
            assistantLabel: draft.assistantLabel.trim() || 'ASSISTANT',
          }
        : null,
    },
  };
}

/** Images chosen as an avatar are kept inline; past this size the database and exports get heavy. */
export const MAX_AVATAR_BYTES = 200 * 1024;

/** True when the avatar is an image (a data URL) rather than an emoji or letters. */
export function isImageAvatar(avatar: string): boolean {
  return /^data:image\/(png|jpeg|gif|webp|svg\+xml);base64,/i.test(avatar);
}
