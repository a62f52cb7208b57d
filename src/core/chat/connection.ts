import { AppError } from '../../shared/errors';
import { reportedModel, type ReportedModel } from '../context/modelTableService';
import { createOpenAIClient } from './openaiClient';
import { mapServiceError } from './serviceErrors';

/** Wait for a settings check: short, the user is looking at a spinner. */
const CHECK_TIMEOUT_MS = 15_000;

/** Where to connect and with which key and model. */
export interface ConnectionTarget {
  baseURL: string;
  apiKey: string;
  model: string;
  /** Told what each listed model reports (window, max output), for the model table. */
  onReported?(models: ReportedModel[]): void;
  /** The network to call through (the system's or the user's proxy). */
  fetch?: typeof globalThis.fetch;
}

/**
 * The models the service offers, sorted. Throws an AppError (`unauthorized`, `bad_url`,
 * `network`, `timeout`…) with the key scrubbed from its message.
 */
export async function fetchModels(target: Omit<ConnectionTarget, 'model'>): Promise<string[]> {
  const client = createOpenAIClient({
    baseURL: target.baseURL,
    apiKey: target.apiKey,
    timeout: CHECK_TIMEOUT_MS,
    fetch: target.fetch,
  });
  try {
    const page = await client.models.list();
    // The SDK keeps fields it does not know (context_length, max_model_len, meta…) as they came.
    target.onReported?.(page.data.map((model) => reportedModel(model as unknown as { id: string })));
    return page.data.map((model) => model.id).sort((a, b) => a.localeCompare(b));
  } catch (err) {
    throw mapServiceError(err, { apiKey: target.apiKey });
  }
}

/**
 * Checks an endpoint, key and model: lists the models and says whether the model is among them.
 * Some compatible servers have no `/models`; then a one-token chat call decides instead.
 */
export async function checkConnection(
  target: ConnectionTarget,
): Promise<{ models: string[]; modelFound: boolean }> {
  try {
    const models = await fetchModels(target);
    return { models, modelFound: models.includes(target.model) };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'bad_url') throw err;
  }
  const client = createOpenAIClient({
    baseURL: target.baseURL,
    apiKey: target.apiKey,
    timeout: CHECK_TIMEOUT_MS,
    fetch: target.fetch,
  });
  try {
    await client.chat.completions.create({
      model: target.model,
      messages: [{ role: 'user', content: 'ping' }],
      max_tokens: 1,
    });
    return { models: [], modelFound: true };
  } catch (err) {
    const error = mapServiceError(err, { apiKey: target.apiKey, model: target.model });
    if (error.code === 'model_not_found') return { models: [], modelFound: false };
    throw error;
  }
}
