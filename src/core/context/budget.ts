import type { ContextPreview, TokenCounting } from '../../shared/contextSchemas';
import type { BuildInput } from './builder';
import type { ResolvedModel } from './modelTable';

/** How much of the window the answer gets, decided before any history is chosen. */

/** What the request reserves for the answer, and whether max tokens is sent. */
export function outputReserve(
  input: Pick<BuildInput, 'model' | 'persona' | 'settings'>,
  warnings: ContextPreview['warnings'],
): { reserve: number; send: number | null } {
  const window = input.model.contextWindow;
  const fallback = Math.max(1, Math.min(input.model.maxOutput, Math.floor(window / 4)));
  const requested = input.persona?.maxTokens ?? input.settings.maxTokens;
  if (requested === null) return { reserve: fallback, send: null };
  if (requested >= window) {
    warnings.push({
      code: 'max_output_over_window',
      message: `The max output (${requested} tokens) is larger than the model's window (${window}); it is not sent, so the service decides, and ${fallback} tokens are kept free for the answer.`,
    });
    return { reserve: fallback, send: null };
  }
  return { reserve: requested, send: requested };
}

/** Notices about the figures themselves: a guessed window, estimated counts. */
export function modelNotices(model: ResolvedModel, counting: TokenCounting): ContextPreview['warnings'] {
  const notices: ContextPreview['warnings'] = [];
  if (!model.known) {
    notices.push({
      code: 'model_unknown',
      message: `Penpal does not know the window of "${model.id}"; it assumes ${model.contextWindow} tokens. Set the real figure in Settings → Models.`,
    });
  }
  if (counting.estimated) {
    notices.push({
      code: 'estimate',
      message: 'Token counts are an estimate: the tokenizer of this model is unknown.',
    });
  }
  return notices;
}
