import { freemem } from 'node:os';
import type { GgufInsights, Llama } from 'node-llama-cpp';
import { AppError } from '../../shared/errors';
import type { EngineModelInfo, EngineReply, EngineStart } from './engineProtocol';
import { promptTokens, startEngineServer } from './engineServer';
import { inspectModelFile } from './modelFile';

/**
 * The model engine's process: loads one GGUF with node-llama-cpp (the GPU when one is found,
 * else the CPU) and serves it on loopback. Runs as a Node child process (browser host, tests) or
 * an Electron utility process; a crash here takes only this process down.
 */

/** The parent side of either kind of process. */
interface ParentPort {
  onMessage(listener: (message: unknown) => void): void;
  post(message: EngineReply): void;
}

function parentPort(): ParentPort {
  const utility = (
    process as unknown as {
      parentPort?: {
        on(e: 'message', l: (ev: { data: unknown }) => void): void;
        postMessage(m: unknown): void;
      };
    }
  ).parentPort;
  if (utility) {
    return {
      onMessage: (l) => utility.on('message', (ev) => l(ev.data)),
      post: (m) => utility.postMessage(m),
    };
  }
  return { onMessage: (l) => process.on('message', l), post: (m) => process.send?.(m) };
}

/** The largest window chosen on its own (a smaller one when memory is short). */
const DEFAULT_MAX_WINDOW = 8192;

/** Refuses a window whose cache would not fit in the free memory (llama.cpp would abort). */
async function checkContextMemory(insights: GgufInsights, contextSize: number): Promise<void> {
  // The arithmetic estimate (V2 simulates in llama.cpp, which is what must not run out of memory).
  const need = insights.estimateContextResourceRequirements({ contextSize, modelGpuLayers: 0 });
  const free = freemem();
  if (need.cpuRam > free) {
    const gb = (n: number) => (n / 1e9).toFixed(1);
    throw new AppError(
      'local_model_memory',
      `A window of ${contextSize} tokens needs ${gb(need.cpuRam)} GB of memory, and ${gb(free)} GB are free. Try a smaller model or window.`,
    );
  }
}

/** Why a load failed, in words a person understands. */
function loadFailure(err: unknown): { code: string; message: string } {
  if (err instanceof AppError) return { code: err.code, message: err.message };
  const text = err instanceof Error ? err.message : String(err);
  if (/memory|VRAM|RAM/i.test(text)) {
    return {
      code: 'local_model_memory',
      message: `There is not enough free memory for this model (${text.slice(0, 200)}).`,
    };
  }
  return {
    code: 'local_model_invalid',
    message: `The engine could not load this model (${text.slice(0, 200)}).`,
  };
}

async function start(request: EngineStart): Promise<EngineReply> {
  const { getLlama, LlamaChat } = await import('node-llama-cpp');
  // Prebuilt binaries only: nothing is downloaded or compiled on the user's machine.
  const llama: Llama = await getLlama({
    gpu: 'auto',
    build: 'never',
    progressLogs: false,
    logLevel: 'error' as never,
  });
  const checked = await inspectModelFile(llama, request.modelPath);
  if (request.contextSize) await checkContextMemory(checked.insights, request.contextSize);
  const model = await llama.loadModel({ modelPath: request.modelPath });
  // Without a size asked for, the largest window that fits in memory, up to DEFAULT_MAX_WINDOW
  // (a 128k window of a 1B model would take gigabytes of cache), never past the model's own.
  const context = await model.createContext({
    contextSize: request.contextSize
      ? Math.min(request.contextSize, checked.trainContext ?? request.contextSize)
      : { max: DEFAULT_MAX_WINDOW },
    threads: request.threads,
  });
  const contextWindow = context.contextSize;
  const chat = new LlamaChat({ contextSequence: context.getSequence() });
  const { port } = await startEngineServer({
    model,
    chat,
    modelId: request.modelId,
    contextWindow,
    token: request.token,
    paceMs: request.paceMs,
  });
  // The template's framing, measured: a request with one message vs none, less the text itself.
  const empty = promptTokens(chat, model, [{ type: 'model', response: [] }]);
  const one = promptTokens(chat, model, [
    { type: 'user', text: 'x' },
    { type: 'model', response: [] },
  ]);
  const info: EngineModelInfo = {
    id: request.modelId,
    contextWindow,
    perMessage: Math.max(0, one - empty - model.tokenize('x').length),
    perRequest: Math.max(0, empty),
  };
  return { type: 'ready', port, model: info };
}

const parent = parentPort();
parent.onMessage((message) => {
  const request = message as EngineStart;
  if (request?.type !== 'start') return;
  start(request).then(
    (reply) => parent.post(reply),
    (err: unknown) => {
      parent.post({ type: 'error', ...loadFailure(err) });
      // Nothing else to do here; the parent sees the exit.
      setTimeout(() => process.exit(1), 50);
    },
  );
});
