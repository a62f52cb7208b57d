import type OpenAI from 'openai';
import type {
  ChatCompletionChunk,
  ChatCompletionCreateParamsStreaming,
} from 'openai/resources/chat/completions';
import {
  isOpenAIHost,
  runStream,
  samplingFields,
  usageOf,
  type SamplingOptions,
  type StreamChatResult,
} from './streamRun';

export { DEFAULT_IDLE_TIMEOUT_MS, type StreamChatResult } from './streamRun';

/** One message as the model receives it: role and text, nothing else of ours. */
export interface ChatTurn {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

/** What to ask and where to send the pieces. */
export interface StreamChatOptions extends SamplingOptions {
  client: OpenAI;
  model: string;
  messages: ChatTurn[];
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

/**
 * Streams one chat completion through the SDK and never throws: every failure comes back as a
 * result with a WireError. Text that arrived before a failure is kept (status `interrupted`).
 */
export async function streamChatCompletion(options: StreamChatOptions): Promise<StreamChatResult> {
  return runStream<ChatCompletionChunk>({
    ...options,
    open: (signal) => options.client.chat.completions.create(requestBody(options), { signal }),
    read: (chunk) => {
      const choice = chunk.choices[0];
      return {
        delta: choice?.delta?.content,
        finishReason: choice?.finish_reason,
        usage: usageOf(chunk.usage),
      };
    },
  });
}

function requestBody(options: StreamChatOptions): ChatCompletionCreateParamsStreaming {
  const body: ChatCompletionCreateParamsStreaming = {
    model: options.model,
    messages: options.messages.map((m) => ({ role: m.role, content: m.content })),
    stream: true,
    stream_options: { include_usage: true },
    ...samplingFields(options),
  };
  if (options.maxTokens != null) {
    // OpenAI's own API has replaced max_tokens (o-series models refuse it); most compatible
    // servers still only know max_tokens.
    if (isOpenAIHost(options.client.baseURL)) body.max_completion_tokens = options.maxTokens;
    else body.max_tokens = options.maxTokens;
  }
  return body;
}
