import type OpenAI from 'openai';
import type { Conversation, Message } from '../../shared/schemas';
import {
  contextForAnswer,
  modelIdFor,
  personaOf,
  rebuildShorter,
  turnSettings,
  type AssembledContext,
  type ContextDeps,
  type TurnSpec,
} from '../context/assemble';
import type { ModelRequest } from '../context/builder';
import { costOf } from '../context/modelTable';
import { compactPreview } from '../context/recorded';
import type { ModelTableService } from '../context/modelTableService';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';
import { semanticHits } from '../youngerSelf/embeddings';
import { sourcesOf } from '../youngerSelf/turnParts';
import { runAnswer, type AnswerOutcome } from './answerRun';
import type { ChatConfig } from './chatService';

/** Entries close in meaning a younger-self turn considers (retrieval keeps the best that fit). */
const SEMANTIC_HITS = 24;

/** One answer to stream, with everything its context is built from. */
export interface AnswerTurnOptions {
  store: ConversationStore;
  events: EventBus;
  models?: ModelTableService;
  /** The counter of a model on this computer (see ContextDeps.counterFor). */
  counterFor?: ContextDeps['counterFor'];
  conversation: Conversation;
  /** The user message answered. */
  user: Message;
  /** The assistant message (status `streaming`) the answer goes into. */
  answerId: string;
  config: ChatConfig;
  client: OpenAI;
  signal: AbortSignal;
  idleTimeoutMs?: number;
  persistIntervalMs?: number;
  coalesceMs?: number;
  /** The longest answer kept before the stream is stopped (default `MAX_MESSAGE_CHARS`). */
  maxAnswerChars?: number;
}

/**
 * Builds the turn's context with the one builder (folding a summary first if the strategy asks),
 * records it on the answer, streams, retries once shorter after `context_length_exceeded`, and
 * saves the cost. Never throws (like `runAnswer`).
 */
export async function answerTurn(options: AnswerTurnOptions): Promise<AnswerOutcome> {
  const { store, events, conversation, user, answerId, config, client, signal } = options;
  const deps: ContextDeps = {
    store,
    models: options.models,
    counterFor: options.counterFor,
    semantic: (link, message) =>
      semanticHits({ store: store.youngerSelf, client, link, message, limit: SEMANTIC_HITS, signal }),
  };
  const spec: TurnSpec = {
    conversation,
    settings: turnSettings(conversation, config),
    fromMessageId: user.id,
    answering: true,
    answerId,
  };
  let built: AssembledContext | null = null;
  try {
    built = await contextForAnswer(deps, spec, { client, signal });
    store.saveAnswerContext(answerId, compactPreview(built.preview));
    recordSources(store, answerId, built);
  } catch {
    // Reading the branch failed (or the stop came during a fold): the safest request is the
    // message alone, so the user still gets an answer or a clear error from the service.
  }
  const request: ModelRequest = built?.request ?? {
    model: modelIdFor(personaOf(store, conversation), spec.settings),
    promptFormat: 'chat',
    messages: [{ role: 'user', content: user.content }],
    prompt: null,
    sampling: { temperature: config.temperature, topP: config.topP, maxTokens: config.maxTokens },
  };
  let dropped = 0;
  const outcome = await runAnswer({
    store,
    events,
    client,
    conversationId: conversation.id,
    messageId: answerId,
    request,
    retryShorter: async () => {
      if (!built) return null;
      const history = built.preview.parts.filter((part) => part.kind === 'history').length;
      // A quarter of the history, at least one exchange; the message answered stays.
      const shorter = await rebuildShorter(deps, built, Math.max(2, Math.ceil(history / 4)));
      if (!shorter) return null;
      dropped = shorter.dropped;
      store.setAnswerAccounting(answerId, { droppedToFit: dropped });
      store.saveAnswerContext(answerId, compactPreview(shorter.preview));
      recordSources(store, answerId, shorter);
      built = shorter;
      return shorter.request;
    },
    signal,
    idleTimeoutMs: options.idleTimeoutMs,
    persistIntervalMs: options.persistIntervalMs,
    coalesceMs: options.coalesceMs,
    maxAnswerChars: options.maxAnswerChars,
  });
  if (built) account(options, built, outcome);
  return outcome;
}

/** A younger-self answer: the diary entries its request carried (its "Sources"). */
function recordSources(store: ConversationStore, answerId: string, built: AssembledContext): void {
  const sources = sourcesOf(built.preview.parts);
  if (sources.length === 0 && !store.youngerSelf.get(built.spec.conversation.id)) return;
  store.youngerSelf.recordSources(answerId, built.spec.conversation.id, sources);
}

/**
 * Saves what the answer cost: the service's usage when it sent one, else our own count (the
 * request as built, the answer's text).
 */
function account(options: AnswerTurnOptions, built: AssembledContext, outcome: AnswerOutcome): void {
  const { store, events, answerId } = options;
  try {
    // A failed request that produced nothing was not billed.
    if (!outcome.usage && !outcome.content) return;
    const promptTokens = outcome.usage?.promptTokens ?? built.preview.totalTokens;
    const completionTokens = outcome.usage?.completionTokens ?? built.counter.countText(outcome.content);
    store.setAnswerAccounting(answerId, {
      cost: costOf(built.model.price, promptTokens, completionTokens),
      usage: outcome.usage
        ? undefined
        : { promptTokens, completionTokens, totalTokens: promptTokens + completionTokens },
    });
    events.emit('conversation.changed', { id: options.conversation.id });
  } catch {
    // Accounting is a nicety next to the answer itself, which is already saved.
  }
}
