import type OpenAI from 'openai';
import type { Output } from '../../shared/contract';
import { AppError } from '../../shared/errors';
import type { Conversation, Message } from '../../shared/schemas';
import { modelIdFor, personaOf, type ContextDeps } from '../context/assemble';
import type { ModelTableService, ReportedModel } from '../context/modelTableService';
import type { EventBus } from '../events';
import { assertPlainHttpAllowed } from '../settings/keyBinding';
import type { ConversationStore } from '../store/types';
import { answerTurn } from './answerTurn';
import { proposeTitle } from './autoTitle';
import { checkConnection, fetchModels } from './connection';
import { createOpenAIClient, normalizeBaseURL } from './openaiClient';

/** The settings a chat call uses, read fresh for each call. */
export interface ChatConfig {
  baseURL: string;
  model: string;
  temperature: number;
  topP: number;
  maxTokens: number | null;
  systemPrompt: string;
  autoTitle: boolean;
  /** The saved provider these settings are of (its own key is used), when known. */
  providerId?: string;
  /** Whether that provider answers `/v1/completions` (null or absent: not known). */
  completions?: boolean | null;
}

/** What ChatService is built from. */
export interface ChatServiceOptions {
  store: ConversationStore;
  events: EventBus;
  /** The settings of a conversation's provider (without one: the provider in use). */
  getConfig(conversationId?: string): Promise<ChatConfig>;
  /**
   * The saved key, if a request to `baseURL` may carry it (KeyVault.keyFor, or the provider's own
   * key bound to its origin): the one place that decides. Throws no_key, key_not_for_this_address
   * or key_over_plain_http otherwise.
   */
  credentialsFor(baseURL: string, providerId?: string): Promise<string>;
  /** The network every model call goes through (NetworkService.fetch); default: Node's fetch. */
  fetch?: typeof globalThis.fetch;
  /** Silence allowed inside a stream before it counts as stalled (default 60 s). */
  idleTimeoutMs?: number;
  /** Gap between saves of a streaming answer (default 250 ms). */
  persistIntervalMs?: number;
  /** Gap between two `chat.delta` events of one answer (default 33 ms). */
  coalesceMs?: number;
  /** The model table (windows, prices); without one, built-in figures only. */
  models?: ModelTableService;
  /** The counter of a model on this computer (see ContextDeps.counterFor). */
  counterFor?: ContextDeps['counterFor'];
  /** The longest answer kept before the stream is stopped (default `MAX_MESSAGE_CHARS`). */
  maxAnswerChars?: number;
  /** Told, after each finished answer, whether its stream carried usage (the provider's capability). */
  onStreamUsage?(providerId: string | undefined, reported: boolean): void;
}

/** The ids `chat.send`, `chat.edit` and `chat.regenerate` return at once, before the answer streams. */
export type SendStarted = Output<'chat.send'>;

/** One answer streaming now. */
interface ActiveRun {
  conversationId: string;
  controller: AbortController;
}

/**
 * Sends messages to the model and streams the answers into the store, announcing each piece on
 * the event bus. Methods return as soon as the messages exist; the answer arrives in the background.
 */
export class ChatService {
  private readonly runs = new Map<string, ActiveRun>();
  private readonly titleAttempts = new Set<string>();
  /** Every background job (answers and title calls), so tests and shutdown can wait for them. */
  private readonly pending = new Set<Promise<void>>();
  private readonly background = new AbortController();

  constructor(private readonly options: ChatServiceOptions) {}

  /** Windows a server reports in its model list go into the model table. */
  private readonly reported = (models: ReportedModel[]): void => {
    try {
      this.options.models?.recordReported(models);
    } catch {
      // The table is a help; the model list itself must still come back.
    }
  };

  /** Appends a user message to the conversation's shown branch and streams an answer to it. */
  async send(input: { conversationId: string; content: string }): Promise<SendStarted> {
    const config = await this.readyConfig(input.conversationId);
    // Only the branch's last message is needed: its tail page, not every message of the branch.
    const tail = this.options.store.getPage(input.conversationId, { limit: 1 });
    this.assertIdle(input.conversationId);
    const parentId = tail.messages.at(-1)?.id ?? null;
    const user = this.options.store.addMessage({
      conversationId: input.conversationId,
      parentId,
      role: 'user',
      content: input.content,
      status: 'done',
    });
    return { userMessageId: user.id, assistantMessageId: this.startAnswer(tail.conversation, user, config) };
  }

  /** Makes a new version of a user message (a sibling under the same parent) and answers it. */
  async edit(input: { messageId: string; content: string }): Promise<SendStarted> {
    const original = this.options.store.getMessage(input.messageId);
    const config = await this.readyConfig(original.conversationId);
    if (original.role !== 'user')
      throw new AppError('invalid_input', 'Only your own messages can be edited.');
    this.assertIdle(original.conversationId);
    const user = this.options.store.addMessage({
      conversationId: original.conversationId,
      parentId: original.parentId,
      role: 'user',
      content: input.content,
      status: 'done',
    });
    const conversation = this.options.store.getConversation(original.conversationId);
    return { userMessageId: user.id, assistantMessageId: this.startAnswer(conversation, user, config) };
  }

  /**
   * Makes a new version of an answer under the same user message ("Regenerate", and "Retry" after
   * an error). Given a user message instead, answers it anew.
   */
  async regenerate(input: { messageId: string }): Promise<SendStarted> {
    const target = this.options.store.getMessage(input.messageId);
    const config = await this.readyConfig(target.conversationId);
    const user =
      target.role === 'user'
        ? target
        : target.parentId
          ? this.options.store.getMessage(target.parentId)
          : null;
    if (!user || user.role !== 'user')
      throw new AppError('invalid_input', 'This message has no question to answer again.');
    this.assertIdle(user.conversationId);
    const conversation = this.options.store.getConversation(user.conversationId);
    return { userMessageId: null, assistantMessageId: this.startAnswer(conversation, user, config) };
  }

  /** Stops a streaming answer at once; what arrived is kept and marked interrupted. */
  stop(input: { messageId: string }): void {
    this.runs.get(input.messageId)?.controller.abort();
  }

  /** Checks an endpoint, key and model; unsaved values from the form win over the saved ones. */
  async testConnection(input: {
    baseURL?: string;
    key?: string;
    model?: string;
    allowPlainHttp?: boolean;
  }): Promise<{ models: string[]; modelFound: boolean }> {
    const config = await this.options.getConfig();
    // createOpenAIClient checks and normalizes the address (bad_url).
    const baseURL = input.baseURL?.trim() || config.baseURL;
    const typed = input.key?.trim();
    // A key typed into the form goes to the address typed with it; the saved one only to its own.
    if (typed) assertPlainHttpAllowed(baseURL, input.allowPlainHttp === true);
    const apiKey = typed || (await this.options.credentialsFor(baseURL));
    return checkConnection({
      baseURL,
      apiKey,
      model: input.model?.trim() || config.model,
      onReported: this.reported,
      fetch: this.options.fetch,
    });
  }

  /** The models the saved endpoint offers. */
  async listModels(): Promise<string[]> {
    const config = await this.readyConfig();
    return fetchModels({
      baseURL: config.baseURL,
      apiKey: config.apiKey,
      onReported: this.reported,
      fetch: this.options.fetch,
    });
  }

  /** Resolves when every answer and title call under way has finished and been announced. */
  async idle(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** Aborts every stream and title call; resolves once each answer is saved as interrupted. */
  async shutdown(): Promise<void> {
    this.background.abort();
    for (const run of this.runs.values()) run.controller.abort();
    await this.idle();
  }

  private async readyConfig(conversationId?: string): Promise<ChatConfig & { apiKey: string }> {
    if (this.background.signal.aborted) throw new AppError('busy', 'Penpal is shutting down.');
    const config = await this.options.getConfig(conversationId);
    // Checked early so a bad address or a key bound elsewhere fails the call before any message
    // is stored; the client normalizes the address again when it is built.
    const apiKey = await this.options.credentialsFor(config.baseURL, config.providerId);
    normalizeBaseURL(config.baseURL);
    if (conversationId !== undefined && config.completions === false) this.assertChatFormat(conversationId);
    return { ...config, apiKey };
  }

  /** A text-template persona needs `/v1/completions`, which this conversation's provider lacks. */
  private assertChatFormat(conversationId: string): void {
    const persona = personaOf(this.options.store, this.options.store.getConversation(conversationId));
    if (persona?.promptFormat === 'completion') {
      throw new AppError(
        'bad_request',
        `${persona.name} writes text prompts (/v1/completions), which this conversation's provider does not answer. Pick another provider in the conversation's header.`,
      );
    }
  }

  private assertIdle(conversationId: string): void {
    for (const run of this.runs.values()) {
      // Two answers streaming into one conversation would race for its current branch.
      if (run.conversationId === conversationId)
        throw new AppError('busy', 'An answer is still arriving in this conversation.');
    }
  }

  /** Creates the streaming assistant message under `user` and streams into it in the background. */
  private startAnswer(
    conversation: Conversation,
    user: Message,
    config: ChatConfig & { apiKey: string },
  ): string {
    const { store, events } = this.options;
    const persona = personaOf(store, conversation);
    const assistant = store.addMessage({
      conversationId: conversation.id,
      parentId: user.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: modelIdFor(persona, config),
    });
    events.emit('conversation.changed', { id: conversation.id });
    events.emit('library.changed', {});

    const client = createOpenAIClient({
      baseURL: config.baseURL,
      apiKey: config.apiKey,
      fetch: this.options.fetch,
    });
    const controller = new AbortController();
    this.runs.set(assistant.id, { conversationId: conversation.id, controller });
    const job = answerTurn({
      store,
      events,
      models: this.options.models,
      counterFor: this.options.counterFor,
      conversation,
      user,
      answerId: assistant.id,
      config,
      client,
      signal: controller.signal,
      idleTimeoutMs: this.options.idleTimeoutMs,
      persistIntervalMs: this.options.persistIntervalMs,
      coalesceMs: this.options.coalesceMs,
      maxAnswerChars: this.options.maxAnswerChars,
    })
      .then(async (outcome) => {
        // Free the conversation before the title call: the user may already send the next message.
        this.runs.delete(assistant.id);
        if (outcome.status === 'done')
          this.options.onStreamUsage?.(config.providerId, outcome.usage !== null);
        if (outcome.status === 'done' && config.autoTitle)
          await this.maybeTitle(client, conversation.id, config.model, user, outcome.content);
      })
      .finally(() => {
        this.runs.delete(assistant.id);
        this.pending.delete(job);
      });
    this.pending.add(job);
    return assistant.id;
  }

  /** Names an untitled conversation after its first good exchange; any failure is skipped quietly. */
  private async maybeTitle(
    client: OpenAI,
    conversationId: string,
    model: string,
    user: Message,
    answer: string,
  ): Promise<void> {
    const { store, events } = this.options;
    try {
      if (this.titleAttempts.has(conversationId) || store.getConversation(conversationId).title.trim())
        return;
      this.titleAttempts.add(conversationId);
      const userText = store.getPath(user.id).find((m) => m.role === 'user')?.content ?? user.content;
      const title = await proposeTitle({
        client,
        model,
        userText,
        answerText: answer,
        signal: this.background.signal,
      });
      // The user may have named it while we waited.
      if (!title || store.getConversation(conversationId).title.trim()) return;
      store.renameConversation(conversationId, title);
      events.emit('conversation.changed', { id: conversationId });
      events.emit('library.changed', {});
    } catch {
      // A title is a nicety: no key, quota, network or store trouble should surface for it.
    }
  }
}
