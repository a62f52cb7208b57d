import type OpenAI from 'openai';
import { AppError, type WireError } from '../../shared/errors';
import type { MessageStatus, Usage } from '../../shared/schemas';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';
import { DeltaCoalescer } from './deltaCoalescer';
import { streamChatCompletion, type ChatTurn } from './streamChatCompletion';

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
  model: string;
  messages: ChatTurn[];
  temperature: number;
  topP: number;
  maxTokens: number | null;
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

  const result = await streamChatCompletion({
    client: options.client,
    model: options.model,
    messages: options.messages,
    temperature: options.temperature,
    topP: options.topP,
    maxTokens: options.maxTokens,
    signal: controller.signal,
    idleTimeoutMs: options.idleTimeoutMs,
    maxChars: options.maxAnswerChars,
    onDelta: (delta, soFar) => {
      content = soFar;
      coalescer.push(delta);
      persistTimer ??= setTimeout(persist, persistMs);
    },
  });
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
    store.finishMessage(messageId, { ...outcome, model: options.model });
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
