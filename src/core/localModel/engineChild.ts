import type { Llama } from 'node-llama-cpp';
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
  const model = await llama.loadModel({ modelPath: request.modelPath });
  const contextWindow = Math.min(
    request.contextSize ?? checked.trainContext ?? 4096,
    checked.trainContext ?? Infinity,
  );
  const context = await model.createContext({ contextSize: contextWindow, threads: request.threads });
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
