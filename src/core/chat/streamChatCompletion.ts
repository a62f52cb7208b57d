import type OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import { AppError, type WireError } from '../../shared/errors';
import { MAX_MESSAGE_CHARS, truncateText } from '../../shared/limits';
import type { Usage } from '../../shared/schemas';
import { mapServiceError } from './serviceErrors';

/** One message as the model receives it: role and text, nothing else of ours. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What to ask and where to send the pieces. */
export interface StreamChatOptions {
  client: OpenAI;
  model: string;
  messages: ChatTurn[];
  temperature?: number;
  topP?: number;
  /** null or absent: the service decides. */
  maxTokens?: number | null;
  /** Aborting it stops the stream; the text so far is kept and the result is `interrupted`. */
  signal?: AbortSignal;
  /** How long the stream may stay silent once the headers came (default 60 s). */
  idleTimeoutMs?: number;
  /**
   * The longest answer kept (default `MAX_MESSAGE_CHARS`): past it the stream is aborted, so the
   * service stops sending, and the result says how much was cut.
   */
  maxChars?: number;
  /** Called with each piece of text as it arrives, and the whole text so far (ending with it). */
  onDelta(delta: string, soFar: string): void;
}

/** How a stream ended. `error` is null for `done` and for a stop the user asked for. */
export interface StreamChatResult {
  content: string;
  usage: Usage | null;
  finishReason: string | null;
  status: 'done' | 'interrupted' | 'error';
  error: WireError | null;
  /**
   * Characters received past `maxChars` and dropped (0: the answer is whole). The stream is
   * stopped as soon as the limit is passed, so this is a lower bound: it counts what had arrived
   * in the piece that crossed the limit, not what the service would have gone on to send.
   */
  truncatedChars: number;
}

/** Default silence allowed inside a stream before it counts as stalled. */
export const DEFAULT_IDLE_TIMEOUT_MS = 60_000;

const STOPPED_BY_USER = Symbol('stopped by user');
const IDLE = Symbol('idle timeout');
const TOO_LONG = Symbol('answer too long');

/**
 * Streams one chat completion through the SDK and never throws: every failure comes back as a
 * result with a WireError. Text that arrived before a failure is kept (status `interrupted`).
 */
export async function streamChatCompletion(options: StreamChatOptions): Promise<StreamChatResult> {
  const idleMs = options.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const maxChars = options.maxChars ?? MAX_MESSAGE_CHARS;
  // One controller for both reasons to stop, so the SDK sees a single signal.
  const controller = new AbortController();
  const onUserAbort = () => controller.abort(STOPPED_BY_USER);
  if (options.signal?.aborted) onUserAbort();
  options.signal?.addEventListener('abort', onUserAbort, { once: true });

  let idleTimer: NodeJS.Timeout | undefined;
  const armIdleTimer = () => {
    clearTimeout(idleTimer);
    idleTimer = setTimeout(() => controller.abort(IDLE), idleMs);
  };

  let content = '';
  let usage: Usage | null = null;
  let finishReason: string | null = null;
  let truncatedChars = 0;
  const finish = (status: StreamChatResult['status'], error: WireError | null): StreamChatResult => ({
    content,
    usage,
    finishReason,
    status: status === 'error' && content ? 'interrupted' : status,
    error,
    truncatedChars,
  });

  try {
    const stream = await options.client.chat.completions.create(requestBody(options), {
      signal: controller.signal,
    });
    armIdleTimer();
    for await (const chunk of stream) {
      armIdleTimer();
      usage = readUsage(chunk) ?? usage;
      const choice = chunk.choices[0];
      const delta = choice?.delta?.content;
      if (delta) {
        // `length` of a concatenated string is stored, not counted: this check costs nothing per delta.
        if (content.length + delta.length > maxChars) {
          const kept = truncateText(delta, maxChars - content.length);
          if (kept.text) {
            content += kept.text;
            options.onDelta(kept.text, content);
          }
          truncatedChars = kept.cut;
          // Aborting closes the connection, so the service stops sending the rest.
          controller.abort(TOO_LONG);
          break;
        }
        content += delta;
        options.onDelta(delta, content);
      }
      if (choice?.finish_reason) finishReason = choice.finish_reason;
    }
  } catch (err) {
    if (!controller.signal.aborted) {
      const error = mapServiceError(err, { apiKey: options.client.apiKey, model: options.model });
      // A connection lost after the headers means the answer was cut off, whatever broke it.
      const cutOff = content && (error.code === 'network' || error.code === 'internal');
      return finish(
        'error',
        cutOff ? incomplete('The connection was lost before the answer was complete.') : error.toWire(),
      );
    }
  } finally {
    clearTimeout(idleTimer);
    options.signal?.removeEventListener('abort', onUserAbort);
  }

  if (controller.signal.reason === STOPPED_BY_USER) return finish('interrupted', null);
  // Cut off by Penpal, not failed: the text is kept and `truncatedChars` says so.
  if (controller.signal.reason === TOO_LONG) return finish('interrupted', null);
  if (controller.signal.reason === IDLE) {
    return finish(
      'error',
      new AppError('stalled', `The service sent nothing for ${Math.round(idleMs / 1000)} s.`).toWire(),
    );
  }
  // The SDK ends quietly when the body closes early: no finish_reason means no complete answer.
  if (!finishReason) return finish('error', incomplete('The stream ended before the answer was complete.'));
  return finish('done', null);
}

function incomplete(message: string): WireError {
  return new AppError('incomplete', message).toWire();
}

function requestBody(options: StreamChatOptions): ChatCompletionCreateParamsStreaming {
  const body: ChatCompletionCreateParamsStreaming = {
    model: options.model,
    messages: options.messages.map((m) => ({ role: m.role, content: m.content })),
    stream: true,
    stream_options: { include_usage: true },
  };
  if (options.temperature !== undefined) body.temperature = options.temperature;
  if (options.topP !== undefined) body.top_p = options.topP;
  if (options.maxTokens != null) {
    // OpenAI's own API has replaced max_tokens (o-series models refuse it); most compatible
    // servers still only know max_tokens.
    if (isOpenAIHost(options.client.baseURL)) body.max_completion_tokens = options.maxTokens;
    else body.max_tokens = options.maxTokens;
  }
  return body;
}

function isOpenAIHost(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

function readUsage(chunk: ChatCompletionChunk): Usage | null {
  const u = chunk.usage;
  if (!u) return null;
  return {
    promptTokens: u.prompt_tokens,
    completionTokens: u.completion_tokens,
    totalTokens: u.total_tokens,
  };
}
