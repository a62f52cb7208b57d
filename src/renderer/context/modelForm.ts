import type { ModelInfo } from '../../shared/contextSchemas';

/** The model editor's fields as typed (text), before they are checked. */
export interface ModelForm {
  id: string;
  contextWindow: string;
  maxOutput: string;
  input: string;
  output: string;
}

/** What a field is wrong about (a `context:models.*` key), by field. */
export type ModelFormErrors = Partial<
  Record<keyof ModelForm, 'idRequired' | 'numberInvalid' | 'priceInvalid'>
>;

/** The editor's fields for a model of the table, or empty ones for a new model. */
export function formOf(model: ModelInfo | null): ModelForm {
  if (!model) return { id: '', contextWindow: '128000', maxOutput: '4096', input: '', output: '' };
  return {
    id: model.id,
    contextWindow: String(model.contextWindow),
    maxOutput: String(model.maxOutput),
    input: model.price ? String(model.price.input) : '',
    output: model.price ? String(model.price.output) : '',
  };
}

const MAX_TOKENS = 100_000_000;
const MAX_PRICE = 100_000;

function wholeNumber(text: string): number | null {
  const value = Number(text.trim());
  return /^\d+$/.test(text.trim()) && value >= 1 && value <= MAX_TOKENS ? value : null;
}
function price(text: string): number | null | undefined {
  if (text.trim() === '') return null;
  const value = Number(text.trim());
  return Number.isFinite(value) && value >= 0 && value <= MAX_PRICE ? value : undefined;
}

/**
 * The model to save from the editor's fields, or what is wrong with them. Both prices empty
 * means "no price known"; one of them empty counts as free.
 */
export function parseModelForm(
  form: ModelForm,
  previous: ModelInfo | null,
): { ok: true; model: Omit<ModelInfo, 'source'> } | { ok: false; errors: ModelFormErrors } {
  const errors: ModelFormErrors = {};
  const id = form.id.trim();
  if (!id || id.length > 200) errors.id = 'idRequired';
  const contextWindow = wholeNumber(form.contextWindow);
  if (contextWindow === null) errors.contextWindow = 'numberInvalid';
  const maxOutput = wholeNumber(form.maxOutput);
  if (maxOutput === null) errors.maxOutput = 'numberInvalid';
  const input = price(form.input);
  if (input === undefined) errors.input = 'priceInvalid';
  const output = price(form.output);
  if (output === undefined) errors.output = 'priceInvalid';
  if (Object.keys(errors).length > 0 || contextWindow === null || maxOutput === null)
    return { ok: false, errors };
  const priced = input !== null || output !== null;
  return {
    ok: true,
    model: {
      id,
      contextWindow,
      maxOutput,
      price: priced
        ? { input: input ?? 0, output: output ?? 0, cachedInput: previous?.price?.cachedInput ?? null }
        : null,
    },
  };
}
