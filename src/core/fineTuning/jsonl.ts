import type { TrainingExample } from '../../shared/fineTuningSchemas';

/**
 * The chat fine-tuning format: one `{"messages": [...]}` object per line, UTF-8. Excluded
 * messages are left out; an assistant turn marked not to be trained on carries `"weight": 0`
 * (the format's default is to train on every assistant turn, so `1` is left implicit).
 */

/** One message as the chat fine-tuning format writes it. */
export interface ChatLineMessage {
  role: string;
  content: string;
  weight?: 0 | 1;
}

/** The JSON line of one example (an unparsable imported line is written back as it was). */
export function exampleLine(example: TrainingExample): string {
  if (example.raw !== null) return example.raw;
  const messages: ChatLineMessage[] = example.messages
    .filter((message) => !message.excluded)
    .map((message) =>
      message.role === 'assistant' && message.weight === 0
        ? { role: message.role, content: message.content, weight: 0 }
        : { role: message.role, content: message.content },
    );
  return JSON.stringify({ messages });
}

/** A JSONL file: every line ends with `\n`, as the uploader expects; no blank lines. */
export function writeJsonl(examples: readonly TrainingExample[]): string {
  return examples.map((example) => `${exampleLine(example)}\n`).join('');
}

/**
 * Holds out `percent` of the examples as a validation set, spread evenly through the set (every
 * n-th example), so the held-out ones are not all from the last import. At least one example
 * stays in training; a positive share of a set of two or more holds out at least one.
 */
export function splitValidation(
  examples: readonly TrainingExample[],
  percent: number,
): { train: TrainingExample[]; validation: TrainingExample[] } {
  if (percent <= 0 || examples.length < 2) return { train: [...examples], validation: [] };
  const count = Math.min(examples.length - 1, Math.max(1, Math.round((examples.length * percent) / 100)));
  const step = examples.length / count;
  const held = new Set<number>();
  for (let k = 0; k < count; k++) held.add(Math.min(examples.length - 1, Math.floor(k * step + step / 2)));
  return {
    train: examples.filter((_, index) => !held.has(index)),
    validation: examples.filter((_, index) => held.has(index)),
  };
}
