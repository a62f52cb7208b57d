import type { ProviderCapabilities } from '../../shared/contract/providerSchemas';
import type { ReportedModel } from '../context/modelTableService';
import { fetchModels } from '../chat/connection';
import { createOpenAIClient } from '../chat/openaiClient';
import { streamChatCompletion } from '../chat/streamChatCompletion';
import { streamTextCompletion } from '../chat/streamTextCompletion';

/** Where to check, with the key that provider's requests carry (from `credentialsFor`). */
export interface CapabilityTarget {
  baseURL: string;
  apiKey: string;
  /** The model the two one-token calls use ('' = the first one listed). */
  model: string;
  fetch?: typeof globalThis.fetch;
  /** Told what `/v1/models` reports, for the model table (context windows). */
  onReported?(models: ReportedModel[]): void;
  now(): Date;
}

/** A check is a few small calls the user waits on: each may take this long. */
const CHECK_TIMEOUT_MS = 15_000;

/** Error codes that mean "this server has no such endpoint", as opposed to "it failed now". */
const NO_SUCH_ENDPOINT = new Set(['bad_url', 'bad_request', 'model_not_found']);

/**
 * Asks a server what it supports: `/v1/models` (the models and, where reported, the default
 * model's context window), a one-token streamed chat asking for usage (does a usage chunk come?)
 * and a one-token `/v1/completions` (text-template personas need it). Each answer that cannot be
 * told (the model list refused, a network failure) is null rather than a guess; only the model
 * list's own failure (a bad key, an unreachable server) is thrown, as Test connection does.
 */
export async function checkCapabilities(target: CapabilityTarget): Promise<ProviderCapabilities> {
  let reported: ReportedModel[] = [];
  const models = await fetchModels({
    baseURL: target.baseURL,
    apiKey: target.apiKey,
    fetch: target.fetch,
    onReported: (list) => {
      reported = list;
      target.onReported?.(list);
    },
  });
  const model = target.model || models[0] || '';
  const client = createOpenAIClient({
    baseURL: target.baseURL,
    apiKey: target.apiKey,
    fetch: target.fetch,
    timeout: CHECK_TIMEOUT_MS,
  });
  const probe = { client, model, maxTokens: 1, idleTimeoutMs: CHECK_TIMEOUT_MS, onDelta: () => {} };
  const chat = await streamChatCompletion({ ...probe, messages: [{ role: 'user', content: 'ping' }] });
  const text = await streamTextCompletion({ ...probe, prompt: 'ping' });
  return {
    checkedAt: target.now().toISOString(),
    models,
    streamingUsage: chat.status === 'done' ? chat.usage !== null : null,
    completions:
      text.status === 'done' ? true : text.error && NO_SUCH_ENDPOINT.has(text.error.code) ? false : null,
    contextLength: reported.find((entry) => entry.id === model)?.contextWindow ?? null,
  };
}
