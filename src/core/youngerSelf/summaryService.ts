import { AppError } from '../../shared/errors';
import { loadTokenCounter } from '../../shared/tokens';
import type { ChatConfig } from '../chat/chatService';
import { createOpenAIClient } from '../chat/openaiClient';
import { resolveModel } from '../context/modelTable';
import type { ModelTableService } from '../context/modelTableService';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';
import type { YoungerSelfLink } from './chatStore';
import { makePeriodSummary } from './periodSummary';

/** What making a period summary needs from core. */
export interface PeriodSummaryDeps {
  store: ConversationStore;
  events: EventBus;
  models?: ModelTableService;
  /** The settings of the conversation's provider (its address and model). */
  getConfig(conversationId: string): Promise<Pick<ChatConfig, 'baseURL' | 'model' | 'providerId'>>;
  /** That provider's key, only for the origin it is bound to (see credentials.ts). */
  credentialsFor(baseURL: string, providerId?: string): Promise<string>;
  /** The network model calls go through (NetworkService.fetch). */
  fetch?: typeof globalThis.fetch;
  /** Stops a summary being made at shutdown. */
  signal?: AbortSignal;
}

/** Makes a conversation's period summary; `stop` ends a run part way (nothing is saved). */
export interface PeriodSummaryMaker {
  make(conversationId: string): Promise<YoungerSelfLink>;
  stop(conversationId: string): void;
}

function originOf(baseURL: string): string {
  try {
    return new URL(baseURL).origin;
  } catch {
    return baseURL;
  }
}

/** Room kept in each summary request for the instruction, framing and counting error. */
const INSTRUCTION_ROOM = 600;
/** Room kept for the answer (a month's summary is a few sentences). */
const ANSWER_ROOM = 1_000;

/**
 * Makes (or makes again) a conversation's period summary with the model and saves it, replacing
 * an edited one. One at a time per conversation, stoppable; progress is announced as
 * `youngerSelf.summaryProgress`. Only the period's sendable entries are read.
 */
export function createPeriodSummaryMaker(deps: PeriodSummaryDeps): PeriodSummaryMaker {
  const running = new Map<string, AbortController>();
  const make = async (conversationId: string): Promise<YoungerSelfLink> => {
    const link = deps.store.youngerSelf.get(conversationId);
    if (!link) throw new AppError('not_found', 'This conversation is not with a younger self.');
    if (running.has(conversationId)) throw new AppError('busy', 'The summary is being made already.');
    const stop = new AbortController();
    running.set(conversationId, stop);
    const signal = deps.signal ? AbortSignal.any([deps.signal, stop.signal]) : stop.signal;
    try {
      const entries = deps.store.youngerSelf.wholePeriod(link.journalId, link.period);
      if (entries.length === 0) {
        throw new AppError('invalid_input', 'No entry of this period can be sent (all are excluded).');
      }
      const config = await deps.getConfig(conversationId);
      const apiKey = await deps.credentialsFor(config.baseURL, config.providerId);
      const model = deps.models
        ? deps.models.resolve(config.model)
        : resolveModel({ user: [], server: [] }, config.model);
      const counter = await loadTokenCounter(config.model);
      const answer = Math.min(ANSWER_ROOM, model.maxOutput);
      const budget = Math.max(512, model.contextWindow - answer - INSTRUCTION_ROOM);
      const emit = (done: number, total: number) =>
        deps.events.emit('youngerSelf.summaryProgress', { conversationId, done, total });
      emit(0, 1);
      const text = await makePeriodSummary({
        client: createOpenAIClient({ baseURL: config.baseURL, apiKey, fetch: deps.fetch }),
        model: config.model,
        entries,
        counter,
        budget,
        signal,
        onProgress: emit,
      });
      const saved = deps.store.youngerSelf.saveMadeSummary(conversationId, text, {
        entries: entries.length,
        sentTo: originOf(config.baseURL),
      });
      deps.events.emit('conversation.changed', { id: conversationId });
      return saved;
    } finally {
      running.delete(conversationId);
    }
  };
  return {
    make,
    // Stopping what is not running is not an error: it may have just finished.
    stop: (conversationId) => running.get(conversationId)?.abort(),
  };
}
