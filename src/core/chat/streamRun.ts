import type OpenAI from 'openai';
import type { CompletionUsage } from 'openai/resources/completions';
import { AppError, type WireError } from '../../shared/errors';
import { MAX_MESSAGE_CHARS, truncateText } from '../../shared/limits';
import type { Usage } from '../../shared/schemas';
import { mapServiceError } from './serviceErrors';

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

/** What one streamed chunk carried, whatever the endpoint's wire shape. */
export interface StreamPiece {
  delta: string | null | undefined;
  finishReason: string | null | undefined;
  usage: Usage | null;
}

/** What every streaming call shares: where, the stop signal, the idle limit and the delta sink. */
export interface StreamRunOptions<Chunk> {
  client: OpenAI;
  model: string;
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
  /** Sends the request (chat or text completion) with the signal that aborts it. */
  open(signal: AbortSignal): Promise<AsyncIterable<Chunk>>;
  /** Reads one chunk of the endpoint's stream. */
  read(chunk: Chunk): StreamPiece;
}

const STOPPED_BY_USER = Symbol('stopped by user');
const IDLE = Symbol('idle timeout');
const TOO_LONG = Symbol('answer too long');

/**
 * Runs one streamed SDK call and never throws: every failure comes back as a result with a
 * WireError. Text that arrived before a failure is kept (status `interrupted`). Shared by
 * `/v1/chat/completions` and `/v1/completions`, which differ only in request and chunk shape.
 */
export async function runStream<Chunk>(options: StreamRunOptions<Chunk>): Promise<StreamChatResult> {
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
    const stream = await options.open(controller.signal);
    armIdleTimer();
    for await (const chunk of stream) {
      armIdleTimer();
      const piece = options.read(chunk);
      usage = piece.usage ?? usage;
      if (piece.delta) {
        // `length` of a concatenated string is stored, not counted: this check costs nothing per delta.
        if (content.length + piece.delta.length > maxChars) {
          const kept = truncateText(piece.delta, maxChars - content.length);
          if (kept.text) {
            content += kept.text;
            options.onDelta(kept.text, content);
          }
          truncatedChars = kept.cut;
          // Aborting closes the connection, so the service stops sending the rest.
          controller.abort(TOO_LONG);
          break;
        }
        content += piece.delta;
        options.onDelta(piece.delta, content);
      }
      if (piece.finishReason) finishReason = piece.finishReason;
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

/** The sampling settings both endpoints accept, as a persona or the app's settings give them. */
export interface SamplingOptions {
  temperature?: number;
  topP?: number;
  /** null or absent: the service decides. */
  maxTokens?: number | null;
  /** Up to 4 stop sequences (the API's limit; more are dropped). */
  stop?: string[];
  presencePenalty?: number;
  frequencyPenalty?: number;
}

/** The snake_case request fields for the sampling settings that are set (max tokens excluded). */
export function samplingFields(options: SamplingOptions): {
  temperature?: number;
  top_p?: number;
  stop?: string[];
  presence_penalty?: number;
  frequency_penalty?: number;
} {
  const fields: ReturnType<typeof samplingFields> = {};
  if (options.temperature !== undefined) fields.temperature = options.temperature;
  if (options.topP !== undefined) fields.top_p = options.topP;
  const stop = [...new Set(options.stop ?? [])].filter((s) => s.length > 0).slice(0, 4);
  if (stop.length > 0) fields.stop = stop;
  if (options.presencePenalty !== undefined) fields.presence_penalty = options.presencePenalty;
  if (options.frequencyPenalty !== undefined) fields.frequency_penalty = options.frequencyPenalty;
  return fields;
}

/** True for OpenAI's own API (which wants max_completion_tokens on chat). */
export function isOpenAIHost(baseURL: string): boolean {
  try {
    return new URL(baseURL).hostname === 'api.openai.com';
  } catch {
    return false;
  }
}

/** The usage a stream's last chunk carries (chat and text completions report it alike), or null. */
export function usageOf(usage: CompletionUsage | null | undefined): Usage | null {
  if (!usage) return null;
  return {
    promptTokens: usage.prompt_tokens,
    completionTokens: usage.completion_tokens,
    totalTokens: usage.total_tokens,
  };
}
