import type { LlamaModel } from 'node-llama-cpp';
import type { TokenCounter } from '../../shared/tokens';
import type { EngineModelInfo } from './engineProtocol';

/**
 * Exact token counts for a model on this computer, with its own GGUF vocabulary. The context
 * builder counts synchronously, many times a turn, so a round trip to the engine for each count
 * is no option: main loads the vocabulary alone (`vocabOnly`, no weights) of a file the engine
 * process has already loaded without harm, and counts in process.
 */

const vocabularies = new Map<string, Promise<LlamaModel>>();

async function loadVocabulary(modelPath: string): Promise<LlamaModel> {
  let promise = vocabularies.get(modelPath);
  if (!promise) {
    promise = (async () => {
      const { getLlama } = await import('node-llama-cpp');
      // CPU only and prebuilt only: counting needs no GPU, and nothing is built on the user's machine.
      const llama = await getLlama({
        gpu: false,
        build: 'never',
        progressLogs: false,
        logLevel: 'error' as never,
      });
      return llama.loadModel({ modelPath, vocabOnly: true });
    })();
    promise.catch(() => vocabularies.delete(modelPath));
    vocabularies.set(modelPath, promise);
  }
  return promise;
}

/** A counter over the vocabulary of `modelPath` with the template's framing the engine measured. */
export async function modelCounter(modelPath: string, info: EngineModelInfo): Promise<TokenCounter> {
  const vocabulary = await loadVocabulary(modelPath);
  // Special-token text in a message ("<|im_end|>") is counted as the plain text it is.
  const countText = (text: string): number => (text ? vocabulary.tokenize(text, false).length : 0);
  return {
    counting: {
      encoding: 'model',
      estimated: false,
      perMessage: info.perMessage,
      perRequest: info.perRequest,
    },
    countText,
    countMessage: (content) => countText(content) + info.perMessage,
    cacheKey: `model:${info.id}`,
  };
}

/** Frees the vocabulary of a model (it was deleted or replaced). */
export async function forgetVocabulary(modelPath: string): Promise<void> {
  const promise = vocabularies.get(modelPath);
  vocabularies.delete(modelPath);
  await (await promise?.catch(() => null))?.dispose();
}
