/**
 * What fine-tuning costs and how long one example may be, per base model. Training is priced
 * apart from use (the model table's prices are for requests), so it has its own small table:
 * OpenAI's published training prices in US dollars per million training tokens, and the
 * per-example token limits from its fine-tuning guide. Matched by family prefix, like the model
 * table, so dated snapshots (`gpt-4o-mini-2024-07-18`) get their family's figures.
 */

/** One base model's training figures. */
export interface TrainingFigures {
  model: string;
  /** US dollars per million training tokens. */
  pricePerMillion: number;
  /** Tokens one training example may have. */
  exampleLimit: number;
}

/** OpenAI's base models that can be fine-tuned. Longest ids first, so a prefix finds its own family. */
export const TRAINING_FIGURES: readonly TrainingFigures[] = [
  { model: 'gpt-4.1-mini', pricePerMillion: 5, exampleLimit: 65_536 },
  { model: 'gpt-4.1-nano', pricePerMillion: 1.5, exampleLimit: 65_536 },
  { model: 'gpt-4o-mini', pricePerMillion: 3, exampleLimit: 65_536 },
  { model: 'gpt-3.5-turbo', pricePerMillion: 8, exampleLimit: 16_385 },
  { model: 'gpt-4.1', pricePerMillion: 25, exampleLimit: 65_536 },
  { model: 'gpt-4o', pricePerMillion: 25, exampleLimit: 65_536 },
];

/** A base model's figures, or null for a model the table does not know (a compatible server's). */
export function trainingFiguresFor(model: string): TrainingFigures | null {
  const name = model.trim().toLowerCase().split('/').pop() ?? '';
  return TRAINING_FIGURES.find((entry) => name === entry.model || name.startsWith(`${entry.model}-`)) ?? null;
}

/** What training costs: tokens × epochs at the price per million; null without a price. */
export function trainingCost(
  trainingTokens: number,
  epochs: number,
  pricePerMillion: number | null,
): number | null {
  if (pricePerMillion === null) return null;
  return (trainingTokens * epochs * pricePerMillion) / 1_000_000;
}
