import type OpenAI from 'openai';
import type { Completion, CompletionCreateParamsStreaming } from 'openai/resources/completions';
import { runStream, samplingFields, usageOf, type SamplingOptions, type StreamChatResult } from './streamRun';

/** What to ask a base model at `/v1/completions`, and where to send the pieces. */
export interface StreamTextOptions extends SamplingOptions {
  client: OpenAI;
  model: string;
  /** The whole prompt text, as `renderCompletionPrompt` made it. */
  prompt: string;
  /** Aborting it stops the stream; the text so far is kept and the result is `interrupted`. */
  signal?: AbortSignal;
  /** How long the stream may stay silent once the headers came (default 60 s). */
  idleTimeoutMs?: number;
  /** The longest answer kept (default `MAX_MESSAGE_CHARS`); past it the stream is stopped. */
  maxChars?: number;
  /** Called with each piece of text as it arrives, and the whole text so far (ending with it). */
  onDelta(delta: string, soFar: string): void;
}

/**
 * Streams one text completion (the endpoint of base models, as the classic GPT-3 bots used) and
 * never throws: the same result, idle timer, stop and error mapping as `streamChatCompletion`.
 * The speaker labels go in `stop`, so the model ends its turn instead of writing the user's next.
 */
export async function streamTextCompletion(options: StreamTextOptions): Promise<StreamChatResult> {
  return runStream<Completion>({
    ...options,
    open: (signal) => options.client.completions.create(requestBody(options), { signal }),
    read: (chunk) => {
      const choice = chunk.choices[0];
      return { delta: choice?.text, finishReason: choice?.finish_reason, usage: usageOf(chunk.usage) };
    },
  });
}

function requestBody(options: StreamTextOptions): CompletionCreateParamsStreaming {
  const body: CompletionCreateParamsStreaming = {
    model: options.model,
    prompt: options.prompt,
    stream: true,
    stream_options: { include_usage: true },
    ...samplingFields(options),
  };
  // The completions endpoint only ever knew max_tokens (no max_completion_tokens there).
  if (options.maxTokens != null) body.max_tokens = options.maxTokens;
  return body;
}
