import type { ContextPreview } from '../../shared/contextSchemas';
import { AppError } from '../../shared/errors';
import type { Conversation } from '../../shared/schemas';
import type { ChatConfig } from '../chat/chatService';
import { createOpenAIClient } from '../chat/openaiClient';
import type { ConversationStore } from '../store/types';
import { assembleContext, foldAndRebuild, turnSettings, type ContextDeps, type TurnSpec } from './assemble';
import type { ModelTableService } from './modelTableService';
import { expandPreview } from './recorded';

/** A summary as the contract returns it. */
export type SummaryView = NonNullable<ContextPreview['summary']>;

/**
 * The inspector's side of the context: previews of the next turn (built by the same builder
 * `chat.send` uses), the request recorded for a past answer, and the summary's edit and refresh.
 */
export class ContextService {
  constructor(
    private readonly options: {
      store: ConversationStore;
      models?: ModelTableService;
      /** The settings of a conversation's provider (its address and model). */
      getConfig(conversationId?: string): Promise<ChatConfig>;
      /** The counter of a model on this computer (see ContextDeps.counterFor). */
      counterFor?: ContextDeps['counterFor'];
      /** The saved key, only for the origin it is bound to (see KeyVault.keyFor). */
      credentialsFor(baseURL: string, providerId?: string): Promise<string>;
      /** The network summaries are made through (NetworkService.fetch). */
      fetch?: typeof globalThis.fetch;
      /** Stops a summary refresh at shutdown. */
      signal?: AbortSignal;
    },
  ) {}

  /** The request of the next turn as if `draft` were sent now, or the one behind a past answer. */
  async preview(input: {
    conversationId: string;
    draft?: string;
    answerId?: string;
  }): Promise<ContextPreview> {
    const { store } = this.options;
    if (input.answerId) {
      const answer = store.getMessage(input.answerId);
      if (answer.conversationId !== input.conversationId)
        throw new AppError('not_found', 'That answer is not in this conversation.');
      const recorded = expandPreview(store.getAnswerContext(input.answerId), (ids) =>
        store.messageContents(ids),
      );
      if (!recorded) {
        throw new AppError(
          'not_found',
          'The request behind this answer was not recorded (it was made or imported before Penpal kept them).',
        );
      }
      return recorded;
    }
    const spec = await this.nextTurn(input.conversationId, input.draft);
    const built = await assembleContext(this.deps(), spec);
    if (spec.conversation.memory.strategy === 'summarize' && built.overBudget) {
      // A preview makes no model call: say that sending will fold first, so it will differ.
      built.preview.warnings.push({
        code: 'summary_pending',
        message: 'Older messages no longer fit: when you send, they are first folded into the summary.',
      });
    }
    return built.preview;
  }

  /** Replaces the text of the summary the shown branch uses (a new version, marked edited). */
  async updateSummary(conversationId: string, text: string): Promise<SummaryView> {
    const current = (await this.summaryTurn(conversationId)).preview.summary;
    if (!current) throw new AppError('not_found', 'There is no summary on this branch yet.');
    return view(this.options.store.editSummary(current.id, text));
  }

  /**
   * Makes the summary anew with the model: the one the branch uses is made again from its
   * messages; without one, older turns that no longer fit are folded. Null: nothing to fold.
   */
  async refreshSummary(conversationId: string): Promise<SummaryView | null> {
    const config = await this.options.getConfig(conversationId);
    const apiKey = await this.options.credentialsFor(config.baseURL, config.providerId);
    const spec = await this.nextTurn(conversationId, null, true);
    const built = await assembleContext(this.deps(), spec);
    if (!built.preview.summary && !built.overBudget) return null;
    const client = createOpenAIClient({ baseURL: config.baseURL, apiKey, fetch: this.options.fetch });
    const rebuilt = await foldAndRebuild(this.deps(), spec, built, {
      client,
      signal: this.options.signal,
      remake: built.preview.summary !== null,
    });
    return rebuilt?.preview.summary ?? null;
  }

  private deps() {
    return { store: this.options.store, models: this.options.models, counterFor: this.options.counterFor };
  }

  private async summaryTurn(conversationId: string) {
    return assembleContext(this.deps(), await this.nextTurn(conversationId, null, true));
  }

  // `summarize` forces the summarize strategy, so the summary is found even if it is switched off.
  private async nextTurn(
    conversationId: string,
    draft?: string | null,
    summarize = false,
  ): Promise<TurnSpec> {
    const config = await this.options.getConfig(conversationId);
    const conversation: Conversation = this.options.store.getConversation(conversationId);
    return {
      conversation,
      settings: turnSettings(conversation, config),
      fromMessageId: null,
      answering: false,
      draft: draft ?? null,
      answerId: null,
      memory: summarize ? { ...conversation.memory, strategy: 'summarize' } : undefined,
    };
  }
}

function view(summary: {
  id: string;
  text: string;
  throughMessageId: string;
  version: number;
  edited: boolean;
}): SummaryView {
  return {
    id: summary.id,
    text: summary.text,
    throughMessageId: summary.throughMessageId,
    version: summary.version,
    edited: summary.edited,
  };
}
