import { z } from 'zod';
import { ModelInfoSchema, type ModelInfo } from '../../shared/contextSchemas';
import { AppError } from '../../shared/errors';
import type { KeyValueStore } from '../ports';
import { resolveModel, tableRows, type ModelTableLayers, type ResolvedModel } from './modelTable';

/** A model as a server's `/v1/models` describes it, with the window when the server says. */
export interface ReportedModel {
  id: string;
  contextWindow: number | null;
  maxOutput: number | null;
}

const StoredLayersSchema = z.object({
  user: z.array(z.unknown()).catch([]),
  server: z.array(z.unknown()).catch([]),
});

/** Figures the user enters, checked beyond the wire schema's bounds so nonsense is refused clearly. */
function checkUserInfo(info: Omit<ModelInfo, 'source'>): void {
  if (info.maxOutput >= info.contextWindow) {
    throw new AppError(
      'invalid_input',
      `The max output (${info.maxOutput}) must be smaller than the context window (${info.contextWindow}): the window holds the request and the answer.`,
    );
  }
  const cost = info.price;
  if (cost && cost.cachedInput !== null && cost.cachedInput > cost.input) {
    throw new AppError('invalid_input', 'A cached input price cannot be higher than the input price.');
  }
  if (cost && [cost.input, cost.output, cost.cachedInput ?? 0].some((value) => !Number.isFinite(value))) {
    throw new AppError('invalid_input', 'Prices must be plain numbers of US dollars per million tokens.');
  }
}

/**
 * The model table kept in the small settings file: the user's edits and what servers reported
 * (both small). Entries that no longer validate (a hand-edited file) are ignored, never thrown on.
 */
export class ModelTableService {
  constructor(
    private readonly store: KeyValueStore,
    private readonly onChange: () => void = () => {},
  ) {}

  /** The user's and the servers' entries, each one validated. */
  layers(): ModelTableLayers {
    const parsed = StoredLayersSchema.safeParse(this.store.get('modelTable') ?? {});
    const valid = (list: unknown[]): ModelInfo[] =>
      list.flatMap((entry) => {
        const info = ModelInfoSchema.safeParse(entry);
        return info.success && info.data.maxOutput < info.data.contextWindow ? [info.data] : [];
      });
    if (!parsed.success) return { user: [], server: [] };
    return { user: valid(parsed.data.user), server: valid(parsed.data.server) };
  }

  /** Every row of the table. */
  rows(): ModelInfo[] {
    return tableRows(this.layers());
  }

  /** The figures a request for this model uses. */
  resolve(model: string): ResolvedModel {
    return resolveModel(this.layers(), model);
  }

  /** Adds or replaces the user's figures for a model. */
  setUserInfo(info: Omit<ModelInfo, 'source'>): ModelInfo {
    checkUserInfo(info);
    const entry: ModelInfo = { ...info, id: info.id.trim(), source: 'user' };
    const layers = this.layers();
    this.save({ user: [...layers.user.filter((e) => e.id !== entry.id), entry], server: layers.server });
    return entry;
  }

  /** Forgets the user's figures for a model. */
  resetUserInfo(id: string): void {
    const layers = this.layers();
    this.save({ user: layers.user.filter((e) => e.id !== id), server: layers.server });
  }

  /**
   * Keeps the windows a server reported (llama.cpp, vLLM, LM Studio…). Max output is not reported
   * by most servers: a quarter of the window is reserved then.
   */
  recordReported(models: readonly ReportedModel[]): void {
    const reported = models.flatMap((model): ModelInfo[] => {
      if (!model.contextWindow || model.contextWindow < 16) return [];
      const quarter = Math.max(1, Math.floor(model.contextWindow / 4));
      const maxOutput = model.maxOutput && model.maxOutput < model.contextWindow ? model.maxOutput : quarter;
      return [{ id: model.id, contextWindow: model.contextWindow, maxOutput, price: null, source: 'server' }];
    });
    if (reported.length === 0) return;
    const layers = this.layers();
    const ids = new Set(reported.map((m) => m.id));
    const server = [...layers.server.filter((e) => !ids.has(e.id)), ...reported];
    if (JSON.stringify(server) === JSON.stringify(layers.server)) return;
    this.save({ user: layers.user, server });
  }

  private save(layers: ModelTableLayers): void {
    this.store.set('modelTable', { user: [...layers.user], server: [...layers.server] });
    this.onChange();
  }
}

const positive = (value: unknown): number | null =>
  typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : null;

/**
 * The window (and output limit) a `/v1/models` entry reports, in the fields servers use:
 * `context_length` (OpenRouter, some vLLM builds), `max_model_len` (vLLM), `max_context_length`
 * (LM Studio), `meta.n_ctx_train` / `meta.n_ctx` (llama.cpp's server).
 */
export function reportedModel(entry: { id: string } & Record<string, unknown>): ReportedModel {
  const meta = (typeof entry.meta === 'object' && entry.meta !== null ? entry.meta : {}) as Record<
    string,
    unknown
  >;
  const top = (
    typeof entry.top_provider === 'object' && entry.top_provider !== null ? entry.top_provider : {}
  ) as Record<string, unknown>;
  return {
    id: entry.id,
    contextWindow:
      positive(entry.context_length) ??
      positive(entry.max_model_len) ??
      positive(entry.max_context_length) ??
      positive(meta.n_ctx) ??
      positive(meta.n_ctx_train),
    maxOutput: positive(top.max_completion_tokens) ?? positive(entry.max_output_tokens),
  };
}
