import type { ModelInfo, Price } from '../../shared/contextSchemas';

/**
 * The model table: each model's context window, output limit and price. Built-in figures for
 * OpenAI's current models (public list prices, US dollars per million tokens), overlaid by what a
 * server reports in `/v1/models` and by the user's own edits, in that order.
 */

/** A model's figures resolved for one request; `known` is false for a guessed default. */
export interface ResolvedModel extends ModelInfo {
  known: boolean;
}

const price = (input: number, output: number, cachedInput: number | null = null): Price => ({
  input,
  output,
  cachedInput,
});

const builtin = (id: string, contextWindow: number, maxOutput: number, cost: Price | null): ModelInfo => ({
  id,
  contextWindow,
  maxOutput,
  price: cost,
  source: 'builtin',
});

/** OpenAI's published figures (windows and max output from the model pages, prices from the pricing page). */
export const BUILTIN_MODELS: readonly ModelInfo[] = [
  builtin('gpt-4o', 128_000, 16_384, price(2.5, 10, 1.25)),
  builtin('gpt-4o-mini', 128_000, 16_384, price(0.15, 0.6, 0.075)),
  builtin('chatgpt-4o-latest', 128_000, 16_384, price(5, 15)),
  builtin('gpt-4.1', 1_047_576, 32_768, price(2, 8, 0.5)),
  builtin('gpt-4.1-mini', 1_047_576, 32_768, price(0.4, 1.6, 0.1)),
  builtin('gpt-4.1-nano', 1_047_576, 32_768, price(0.1, 0.4, 0.025)),
  builtin('gpt-5', 400_000, 128_000, price(1.25, 10, 0.125)),
  builtin('gpt-5-mini', 400_000, 128_000, price(0.25, 2, 0.025)),
  builtin('gpt-5-nano', 400_000, 128_000, price(0.05, 0.4, 0.005)),
  builtin('o1', 200_000, 100_000, price(15, 60, 7.5)),
  builtin('o1-mini', 128_000, 65_536, price(1.1, 4.4, 0.55)),
  builtin('o3', 200_000, 100_000, price(2, 8, 0.5)),
  builtin('o3-mini', 200_000, 100_000, price(1.1, 4.4, 0.55)),
  builtin('o4-mini', 200_000, 100_000, price(1.1, 4.4, 0.275)),
  builtin('gpt-4-turbo', 128_000, 4_096, price(10, 30)),
  builtin('gpt-4', 8_192, 8_192, price(30, 60)),
  builtin('gpt-3.5-turbo', 16_385, 4_096, price(0.5, 1.5)),
];

/** What an unknown model is assumed to have: small enough for most local models, labelled a guess. */
export const UNKNOWN_MODEL_WINDOW = 8_192;
export const UNKNOWN_MODEL_MAX_OUTPUT = 2_048;

/** The user's entries, those servers reported, and the built-ins. */
export interface ModelTableLayers {
  user: readonly ModelInfo[];
  server: readonly ModelInfo[];
}

// An exact id first, then the longest family prefix ("gpt-4o-mini-2024-07-18" → gpt-4o-mini), so
// dated snapshots get their family's figures.
function lookup(list: readonly ModelInfo[], id: string): ModelInfo | undefined {
  const exact = list.find((entry) => entry.id === id);
  if (exact) return exact;
  let best: ModelInfo | undefined;
  for (const entry of list) {
    if (id.startsWith(`${entry.id}-`) && (!best || entry.id.length > best.id.length)) best = entry;
  }
  return best;
}

/** The figures for a model: the user's, else the server's, else the built-in ones, else a guess. */
export function resolveModel(layers: ModelTableLayers, model: string): ResolvedModel {
  const id = model.trim();
  const name = id.toLowerCase().split('/').pop() ?? id;
  const found =
    layers.user.find((entry) => entry.id === id) ??
    layers.server.find((entry) => entry.id === id) ??
    lookup(BUILTIN_MODELS, name);
  if (found) return { ...found, id, known: true };
  return {
    id,
    contextWindow: UNKNOWN_MODEL_WINDOW,
    maxOutput: UNKNOWN_MODEL_MAX_OUTPUT,
    price: null,
    source: 'builtin',
    known: false,
  };
}

/** Every model of the table, one row each (user over server over built-in), sorted by id. */
export function tableRows(layers: ModelTableLayers): ModelInfo[] {
  const rows = new Map<string, ModelInfo>();
  for (const entry of BUILTIN_MODELS) rows.set(entry.id, entry);
  for (const entry of layers.server) rows.set(entry.id, entry);
  for (const entry of layers.user) rows.set(entry.id, entry);
  return [...rows.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** US dollars for these tokens at this price (null without a price). */
export function costOf(cost: Price | null, promptTokens: number, completionTokens: number): number | null {
  if (!cost) return null;
  return (promptTokens * cost.input + completionTokens * cost.output) / 1_000_000;
}
