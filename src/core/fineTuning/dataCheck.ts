import type { CheckCode, CheckIssue, DataCheckReport } from '../../shared/fineTuningSchemas';
import { TOKENS_PER_REQUEST, type TokenCounter } from '../../shared/tokens';
import { chatLineMessages } from './jsonlImport';
import { trainingCost } from './trainingPrices';

/** Fewer examples than this and the provider refuses the job. */
export const MIN_EXAMPLES = 10;
/** Fewer than this and training usually does not help much (OpenAI's guide). */
export const ADVISED_EXAMPLES = 50;

/** One line of the JSONL that would be uploaded, and what the user knows the example by. */
export interface CheckedLine {
  label: string;
  line: string;
}

/** What the check needs besides the lines. */
export interface CheckOptions {
  model: string;
  counter: TokenCounter;
  exampleLimit: number;
  epochs: number;
  pricePerMillion: number | null;
}

const ROLES = new Set(['system', 'user', 'assistant']);
const SEVERITY: Record<CheckCode, CheckIssue['severity']> = {
  unparsable: 'error',
  bad_role: 'error',
  not_alternating: 'error',
  empty_content: 'error',
  too_long: 'error',
  too_few: 'error',
  no_assistant: 'error',
  few: 'warning',
  duplicate: 'warning',
  no_price: 'warning',
};

// Roles are valid when system messages come first and user and assistant then take turns,
// starting with the user.
function alternates(roles: readonly string[]): boolean {
  let index = 0;
  while (roles[index] === 'system') index++;
  for (let turn = 0; index < roles.length; index++, turn++) {
    if (roles[index] !== (turn % 2 === 0 ? 'user' : 'assistant')) return false;
  }
  return true;
}

/**
 * The data check of OpenAI's data-preparation guide, run on the exact lines that would be
 * uploaded: every line parses into the chat format; roles are valid and alternate; no content is
 * empty; each example's tokens (with the model's encoding) fit the model's limit; enough
 * examples; duplicates; an assistant turn to learn from in each; and what it would cost.
 */
export function checkTrainingData(lines: readonly CheckedLine[], options: CheckOptions): DataCheckReport {
  const found = new Map<CheckCode, string[]>();
  const flag = (code: CheckCode, label: string): void => {
    const list = found.get(code) ?? [];
    if (!list.includes(label)) list.push(label);
    found.set(code, list);
  };
  const seen = new Set<string>();
  const tokens: DataCheckReport['tokens'] = [];
  let trainingTokens = 0;
  for (const { label, line } of lines) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    const messages = parsed === undefined ? null : chatLineMessages(parsed);
    if (!messages || messages.length === 0) {
      flag('unparsable', label);
      continue;
    }
    if (messages.some((message) => !ROLES.has(message.role))) flag('bad_role', label);
    else if (!alternates(messages.map((message) => message.role))) flag('not_alternating', label);
    if (messages.some((message) => !message.content.trim())) flag('empty_content', label);
    if (!messages.some((message) => message.role === 'assistant' && message.weight === 1))
      flag('no_assistant', label);
    // Duplicates: the same messages, whatever the key order or spacing of the line.
    const key = JSON.stringify(messages.map((message) => [message.role, message.content, message.weight]));
    if (seen.has(key)) flag('duplicate', label);
    seen.add(key);
    const count =
      messages.reduce((sum, message) => sum + options.counter.countMessage(message.content), 0) +
      TOKENS_PER_REQUEST;
    tokens.push({ label, tokens: count });
    if (count > options.exampleLimit) flag('too_long', label);
    // The provider cuts an over-long example to the limit, and bills what it trains on.
    trainingTokens += Math.min(count, options.exampleLimit);
  }
  const issues: CheckIssue[] = [...found].map(([code, examples]) => ({
    code,
    severity: SEVERITY[code],
    examples,
    figure: code === 'too_long' ? options.exampleLimit : examples.length,
  }));
  if (lines.length < MIN_EXAMPLES)
    issues.push({ code: 'too_few', severity: 'error', examples: [], figure: MIN_EXAMPLES });
  else if (lines.length < ADVISED_EXAMPLES)
    issues.push({ code: 'few', severity: 'warning', examples: [], figure: ADVISED_EXAMPLES });
  if (options.pricePerMillion === null)
    issues.push({ code: 'no_price', severity: 'warning', examples: [], figure: null });
  return {
    model: options.model,
    encoding: options.counter.counting.encoding,
    exampleLimit: options.exampleLimit,
    exampleCount: lines.length,
    tokens,
    trainingTokens,
    epochs: options.epochs,
    billedTokens: trainingTokens * options.epochs,
    pricePerMillion: options.pricePerMillion,
    estimatedCost: trainingCost(trainingTokens, options.epochs, options.pricePerMillion),
    issues,
    ok: issues.every((issue) => issue.severity !== 'error'),
  };
}
