import type OpenAI from 'openai';
import { AppError, type WireError } from '../../shared/errors';
import type { MessageStatus, Usage } from '../../shared/schemas';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';
import type { ModelRequest } from '../context/builder';
import { DeltaCoalescer } from './deltaCoalescer';
import { streamChatCompletion } from './streamChatCompletion';
import type { StreamChatResult } from './streamRun';
import { streamTextCompletion } from './streamTextCompletion';

/** Default gap between two saves of a streaming answer: a crash loses at most this much text. */
export const DEFAULT_PERSIST_INTERVAL_MS = 250;

/** Everything one streamed answer needs. */
export interface AnswerRunOptions {
  store: ConversationStore;
  events: EventBus;
  client: OpenAI;
  conversationId: string;
  /** The assistant message (status `streaming`) the answer is written into. */
  messageId: string;
  /** The request the context builder made. */
  request: ModelRequest;
  /**
   * Called once if the service says the context is too long (before any text): a shorter request
   * to retry with, or null to give up.
   */
  retryShorter?: () => Promise<ModelRequest | null>;
  signal: AbortSignal;
  idleTimeoutMs?: number;
  persistIntervalMs?: number;
  coalesceMs?: number;
  /** The longest answer kept (default `MAX_MESSAGE_CHARS`); tests pass a smaller one. */
  maxAnswerChars?: number;
}

/** How the answer ended, as stored. */
export interface AnswerOutcome {
  status: MessageStatus;
  content: string;
  error: WireError | null;
  usage: Usage | null;
  /** Characters cut because the answer passed the size limit (0: whole). */
  truncatedChars: number;
}

/**
 * Streams one answer into its message: coalesced `chat.delta` events while it arrives, the text
 * saved every `persistIntervalMs`, then the final status saved and `chat.done` +
 * `conversation.changed` emitted. Never throws; a storage failure ends up in `chat.done`.
 */
export async function runAnswer(options: AnswerRunOptions): Promise<AnswerOutcome> {
  const { store, events, conversationId, messageId } = options;
  const persistMs = options.persistIntervalMs ?? DEFAULT_PERSIST_INTERVAL_MS;
  /** The text so far, as streamChatCompletion accumulates it: what the next save writes. */
  let content = '';
  let persistTimer: NodeJS.Timeout | undefined;
  let storageError: WireError | null = null;
  // Our own stop too: a message deleted while it streams has nowhere to go.
  const controller = new AbortController();
  const forwardAbort = () => controller.abort();
  if (options.signal.aborted) forwardAbort();
  options.signal.addEventListener('abort', forwardAbort, { once: true });

  const persist = () => {
    persistTimer = undefined;
    try {
      store.updateContent(messageId, content);
    } catch (err) {
      const error = err instanceof AppError ? err : new AppError('storage', String(err));
      storageError = error.toWire();
      if (error.code === 'not_found') controller.abort();
      // Otherwise keep streaming: the final save may still work, and the answer stays on screen.
    }
  };
  const coalescer = new DeltaCoalescer(
    (delta) => events.emit('chat.delta', { conversationId, messageId, delta }),
    options.coalesceMs,
  );

  const stream = (request: ModelRequest): Promise<StreamChatResult> => {
    const common = {
      client: options.client,
      model: request.model,
      ...request.sampling,
      signal: controller.signal,
      idleTimeoutMs: options.idleTimeoutMs,
      maxChars: options.maxAnswerChars,
      onDelta: (delta: string, soFar: string) => {
        content = soFar;
        coalescer.push(delta);
        persistTimer ??= setTimeout(persist, persistMs);
      },
    };
    return request.promptFormat === 'completion'
      ? streamTextCompletion({ ...common, prompt: request.prompt ?? '' })
      : streamChatCompletion({ ...common, messages: request.messages });
  };
  let request = options.request;
  let result = await stream(request);
  if (result.status === 'error' && result.error?.code === 'context_length_exceeded' && !result.content) {
    // One retry with a shorter request: a second refusal is shown as it is.
    const shorter = (await options.retryShorter?.()) ?? null;
    if (shorter) {
      request = shorter;
      result = await stream(request);
    }
  }
  // A base model continues after "LABEL:", so its answer starts with a space.
  if (request.promptFormat === 'completion') result = { ...result, content: result.content.trimStart() };
  clearTimeout(persistTimer);
  options.signal.removeEventListener('abort', forwardAbort);
  coalescer.flush();

  const outcome: AnswerOutcome = {
    status: result.status,
    content: result.content,
    error: result.error ?? storageError,
    usage: result.usage,
    truncatedChars: result.truncatedChars,
  };
  try {
    store.finishMessage(messageId, { ...outcome, model: request.model });
  } catch (err) {
    const error = err instanceof AppError ? err : new AppError('storage', String(err));
    outcome.status = outcome.content ? 'interrupted' : 'error';
    outcome.error = error.toWire();
  }
  events.emit('chat.done', {
    conversationId,
    messageId,
    status: outcome.status,
    error: outcome.error,
    usage: outcome.usage,
    truncatedChars: outcome.truncatedChars,
  });
  events.emit('conversation.changed', { id: conversationId });
  return outcome;
}
