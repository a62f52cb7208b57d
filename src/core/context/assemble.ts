import type OpenAI from 'openai';
import type { Persona } from '../../shared/contextSchemas';
import { AppError } from '../../shared/errors';
import type { Conversation, MemorySettings } from '../../shared/schemas';
import { loadTokenCounter, type TokenCounter } from '../../shared/tokens';
import type { ConversationStore } from '../store/types';
import { buildContext, type BuildSettings, type BuiltContext } from './builder';
import { renderCompletionPrompt } from './completionPrompt';
import { resolveModel, type ResolvedModel } from './modelTable';
import type { ModelTableService } from './modelTableService';
import { collectFold, foldSummary } from './summary';
import type { YoungerSelfLink } from '../youngerSelf/chatStore';
import type { SemanticHit } from '../youngerSelf/embeddings';
import { youngerSelfTurn } from '../youngerSelf/turnParts';

/**
 * Runs the builder over the store: the persona, the model's figures, the counter, the branch tail
 * (cached counts, new counts saved), and the summary fold when the memory strategy asks for it.
 */

/** What assembling a context needs from core. */
export interface ContextDeps {
  store: ConversationStore;
  /** The model table; without one, built-in figures only. */
  models?: ModelTableService;
  /** A counter of the model's own tokenizer (a model on this computer), or null for the usual ones. */
  counterFor?(modelId: string): Promise<TokenCounter | null>;
  /**
   * Entries close in meaning to the message, for a younger-self conversation that uses
   * embeddings. Given only when answering: a preview never sends the draft to `/v1/embeddings`.
   */
  semantic?(link: EmbeddingLink, message: string): Promise<SemanticHit[]>;
}

/** A younger-self link with embeddings on. */
export type EmbeddingLink = YoungerSelfLink & { embeddingModel: string };

/** Which turn to build. */
export interface TurnSpec {
  conversation: Conversation;
  settings: BuildSettings;
  /** The message being answered (answering), or null for a preview from the shown leaf. */
  fromMessageId: string | null;
  answering: boolean;
  draft?: string | null;
  answerId: string | null;
  dropOldest?: number;
  notices?: { code: string; message: string }[];
  /** Overrides the conversation's memory for this build (a failed fold falls back to fit_window). */
  memory?: MemorySettings;
}

/** A built context with the model and counter it was built for. */
export interface AssembledContext extends BuiltContext {
  model: ResolvedModel;
  counter: TokenCounter;
  persona: Persona | null;
  /** The turn it was built for (a retry rebuilds from it). */
  spec: TurnSpec;
}

/** The persona of a conversation; a missing or damaged one means none (the safe fallback). */
export function personaOf(store: ConversationStore, conversation: Conversation): Persona | null {
  if (!conversation.personaId) return null;
  try {
    return store.personas.get(conversation.personaId);
  } catch {
    return null;
  }
}

/** The app's settings as they apply to a conversation: its own system prompt wins over the app's. */
export function turnSettings(
  conversation: Conversation,
  config: {
    model: string;
    systemPrompt: string;
    temperature: number;
    topP: number;
    maxTokens: number | null;
  },
): BuildSettings {
  return {
    model: config.model,
    systemPrompt: conversation.systemPrompt.trim() || config.systemPrompt.trim(),
    temperature: config.temperature,
    topP: config.topP,
    maxTokens: config.maxTokens,
  };
}

/** The model a conversation's turn uses: the persona's, else the settings'. */
export function modelIdFor(persona: Persona | null, settings: BuildSettings): string {
  return persona?.model?.trim() || settings.model;
}

/** Builds the context of a turn (no model call). */
export async function assembleContext(deps: ContextDeps, spec: TurnSpec): Promise<AssembledContext> {
  const { store } = deps;
  const persona = personaOf(store, spec.conversation);
  const modelId = modelIdFor(persona, spec.settings);
  const model = deps.models ? deps.models.resolve(modelId) : resolveModel({ user: [], server: [] }, modelId);
  const counter = (await deps.counterFor?.(modelId)) ?? (await loadTokenCounter(modelId));
  // Cached counts are keyed per tokenizer: a local model's differ from every other model's.
  const encoding = counter.cacheKey ?? counter.counting.encoding;
  // A younger-self conversation: its prompt and diary excerpts come from the journal period.
  const link = store.youngerSelf.get(spec.conversation.id);
  const message = link
    ? (spec.draft ??
      (spec.answering && spec.fromMessageId ? store.getMessage(spec.fromMessageId).content : null))
    : null;
  const notices = [...(spec.notices ?? [])];
  let semantic: SemanticHit[] | undefined;
  if (link?.embeddingModel && message && spec.answering && deps.semantic) {
    try {
      semantic = await deps.semantic({ ...link, embeddingModel: link.embeddingModel }, message);
    } catch (err) {
      // Embeddings only add recall: without them the words and dates still choose the entries.
      const reason = err instanceof AppError ? err.message : String(err);
      if (err instanceof AppError && err.code === 'aborted') throw err;
      notices.push({
        code: 'embeddings_failed',
        message: `The embeddings could not be made (${reason}); entries were chosen by their words and dates only.`,
      });
    }
  }
  const younger = link ? youngerSelfTurn(store.youngerSelf, link, message, counter, semantic) : null;
  const settings = younger ? { ...spec.settings, systemPrompt: younger.systemPrompt } : spec.settings;
  const built = buildContext({
    conversationId: spec.conversation.id,
    answerId: spec.answerId,
    memory: spec.memory ?? spec.conversation.memory,
    persona: younger ? null : persona,
    settings,
    sourceParts: younger?.sourceParts,
    model,
    counter,
    tail: store.readBranchTail(spec.conversation.id, spec.fromMessageId, encoding),
    answering: spec.answering,
    draft: spec.draft,
    summaries:
      (spec.memory ?? spec.conversation.memory).strategy === 'summarize'
        ? store.listSummaries(spec.conversation.id)
        : [],
    dropOldest: spec.dropOldest,
    notices,
    renderCompletion: renderCompletionPrompt,
  });
  if (spec.memory) built.preview.memory = spec.conversation.memory;
  try {
    store.saveTokenCounts(encoding, built.newCounts);
  } catch {
    // A cache: counting again next time is the only cost.
  }
  return { ...built, model, counter, persona, spec };
}

/**
 * The newest message a fold should take in: the history beyond the newest half of the budget
 * (the rest stays verbatim), or the first message that did not fit.
 */
function foldPoint(built: BuiltContext, answering: boolean): string | null {
  const history = built.preview.parts.filter((part) => part.kind === 'history');
  const half = Math.floor(built.preview.historyBudget / 2);
  let used = 0;
  let keep = 0;
  for (let i = history.length - 1; i >= 0; i--) {
    const last = answering && i === history.length - 1;
    if (!last && used + history[i].tokens > half) break;
    used += history[i].tokens;
    keep++;
  }
  const folded = history[history.length - keep - 1];
  if (folded?.messageId) return folded.messageId;
  const overflow = built.preview.leftOut.filter((entry) => entry.reason === 'over_budget').at(-1);
  return overflow?.messageId ?? null;
}

/**
 * Folds older turns into a new summary (one model call) and returns the rebuilt context. With
 * `remake`, the summary that applies is made again from its messages. Throws the model's error.
 */
export async function foldAndRebuild(
  deps: ContextDeps,
  spec: TurnSpec,
  built: AssembledContext,
  call: { client: OpenAI; signal?: AbortSignal; remake?: boolean },
): Promise<AssembledContext | null> {
  const current = built.preview.summary;
  const through = call.remake && current ? current.throughMessageId : foldPoint(built, spec.answering);
  if (!through) return null;
  const { preview, counter } = built;
  // The fold's own request must fit the window too: the instruction and framing (a few hundred
  // tokens), the earlier summary (collectFold makes room for it) and the transcript.
  const budget = Math.max(256, preview.contextWindow - preview.maxOutput - 400);
  const input = collectFold({
    tail: deps.store.readBranchTail(
      spec.conversation.id,
      through,
      counter.cacheKey ?? counter.counting.encoding,
    ),
    throughMessageId: through,
    summaries: deps.store.listSummaries(spec.conversation.id),
    counter,
    budget,
    ignoreSummaryId: call.remake ? current?.id : undefined,
  });
  if (input.messages.length === 0) return null;
  const text = await foldSummary({ client: call.client, model: preview.model, input, signal: call.signal });
  deps.store.addSummary(spec.conversation.id, through, text);
  const notices = [...(spec.notices ?? [])];
  if (input.cutShort) {
    notices.push({
      code: 'summary_too_long',
      message: `Only the most recent ${input.messages.length} earlier messages fitted in the summary; older ones are not in it.`,
    });
  }
  return assembleContext(deps, { ...spec, notices });
}

/**
 * The context to send: built, and under `summarize`, folded first when the history outgrew the
 * budget. A failed fold never blocks the answer: it falls back to fit_window with a warning.
 */
export async function contextForAnswer(
  deps: ContextDeps,
  spec: TurnSpec,
  call: { client: OpenAI; signal?: AbortSignal },
): Promise<AssembledContext> {
  const built = await assembleContext(deps, spec);
  if (spec.conversation.memory.strategy !== 'summarize' || !built.overBudget) return built;
  try {
    return (await foldAndRebuild(deps, spec, built, call)) ?? built;
  } catch (err) {
    if (call.signal?.aborted) throw err;
    const reason = err instanceof AppError ? err.message : String(err);
    return assembleContext(deps, {
      ...spec,
      memory: { ...spec.conversation.memory, strategy: 'fit_window' },
      notices: [
        ...(spec.notices ?? []),
        {
          code: 'summary_failed',
          message: `The summary could not be made (${reason}); the most recent messages that fit were sent instead.`,
        },
      ],
    });
  }
}

/**
 * After the service said the context is too long: the same turn with `drop` more of the oldest
 * history left out (null when nothing but the message answered is left to drop).
 */
export async function rebuildShorter(
  deps: ContextDeps,
  built: AssembledContext,
  drop: number,
): Promise<AssembledContext | null> {
  const notice = (count: number) => ({
    code: 'trimmed_after_error',
    message: `The service said the conversation was too long for the model: ${count} earlier ${count === 1 ? 'message was' : 'messages were'} left out to fit.`,
  });
  const shorter = await assembleContext(deps, { ...built.spec, dropOldest: drop });
  if (shorter.dropped === 0) return null;
  shorter.preview.warnings.push(notice(shorter.dropped));
  return shorter;
}
