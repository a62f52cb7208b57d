import { randomBytes } from 'node:crypto';
import { AppError, type ErrorCode } from '../../shared/errors';
import type { EngineModelInfo, EngineReply, EngineStart } from './engineProtocol';
import { checkGgufMagic } from './modelFile';

/**
 * The parent side of the model engine: starts the engine process for a model, knows its
 * loopback address and token, restarts it after a crash on the next request, and stops it after
 * an idle time so its memory is given back.
 */

/** A started engine process (Node's `fork` or Electron's `utilityProcess`). */
export interface EngineProcess {
  send(message: EngineStart): void;
  onMessage(listener: (message: unknown) => void): void;
  onExit(listener: (code: number | null) => void): void;
  kill(): void;
}

/** Starts a new engine process. */
export type SpawnEngine = () => EngineProcess;

/** A running engine. */
export interface RunningEngine {
  baseURL: string;
  token: string;
  modelPath: string;
  model: EngineModelInfo;
}

/** What the engine is doing, as settings show it. */
export type EngineState =
  | { state: 'stopped' }
  | { state: 'starting'; modelPath: string }
  | { state: 'ready'; modelPath: string; model: EngineModelInfo }
  | { state: 'crashed'; message: string };

/** How long a model may take to load before the start is given up. */
const START_TIMEOUT_MS = 180_000;

/** Manages the one engine process. */
export class LocalEngine {
  private running: (RunningEngine & { process: EngineProcess }) | null = null;
  private starting: { modelPath: string; promise: Promise<RunningEngine> } | null = null;
  private crashMessage: string | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly spawn: SpawnEngine,
    private readonly options: {
      /** Minutes without a request before the model is unloaded (0 = never). */
      idleMinutes(): number;
      /** A smaller window than the model's (tests). */
      contextSize?: number;
      /** CPU threads for generation (tests: 1; absent: every core). */
      threads?: number;
      /** Milliseconds between streamed pieces (tests only). */
      paceMs?: number;
      onChange?(state: EngineState): void;
    },
  ) {}

  /** The engine's state now. */
  state(): EngineState {
    if (this.running) return { state: 'ready', modelPath: this.running.modelPath, model: this.running.model };
    if (this.starting) return { state: 'starting', modelPath: this.starting.modelPath };
    if (this.crashMessage) return { state: 'crashed', message: this.crashMessage };
    return { state: 'stopped' };
  }

  /** The engine serving `modelPath` (listed as `modelId`), started (or restarted after a crash) when needed. */
  async ensure(modelPath: string, modelId = idFromPath(modelPath)): Promise<RunningEngine> {
    this.touch();
    if (this.running?.modelPath === modelPath) return this.running;
    if (this.starting?.modelPath === modelPath) return this.starting.promise;
    this.stop();
    const promise = this.start(modelPath, modelId);
    this.starting = { modelPath, promise };
    this.changed();
    try {
      const running = await promise;
      // The idle time counts from when the model is ready (a load can take longer than it).
      this.touch();
      return running;
    } finally {
      if (this.starting?.promise === promise) this.starting = null;
      this.changed();
    }
  }

  /** The engine's token when `url` is the running engine's address, else null. */
  tokenFor(url: string): string | null {
    const running = this.running;
    if (!running) return null;
    return url.startsWith(new URL(running.baseURL).origin) ? running.token : null;
  }

  /**
   * What a failed request to the engine should say: when the engine process died under it, that
   * it crashed (and starts again on the next message); otherwise the error itself.
   */
  async crashError(err: unknown): Promise<unknown> {
    // The socket closes a moment before the process's exit is reported.
    for (let i = 0; i < 20 && this.running && !this.crashMessage; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return this.crashMessage ? new AppError('local_model_crashed', this.crashMessage) : err;
  }

  /** Postpones the idle unload (each request calls it). */
  touch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const minutes = this.options.idleMinutes();
    if (minutes > 0) {
      this.idleTimer = setTimeout(() => this.stop(), minutes * 60_000);
      this.idleTimer.unref?.();
    }
  }

  /** Stops the engine (its memory is freed with the process). */
  stop(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const running = this.running;
    this.running = null;
    this.crashMessage = null;
    running?.process.kill();
    if (running) this.changed();
  }

  private changed(): void {
    this.options.onChange?.(this.state());
  }

  private async start(modelPath: string, modelId: string): Promise<RunningEngine> {
    await checkGgufMagic(modelPath);
    const token = randomBytes(24).toString('base64url');
    const child = this.spawn();
    const reply = await new Promise<EngineReply>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill();
        reject(new AppError('timeout', 'The model took too long to load.'));
      }, START_TIMEOUT_MS);
      child.onMessage((message) => {
        clearTimeout(timer);
        resolve(message as EngineReply);
      });
      child.onExit((code) => {
        clearTimeout(timer);
        reject(
          new AppError(
            'local_model_crashed',
            `The engine stopped while loading the model (exit code ${code ?? 'none'}).`,
          ),
        );
      });
      child.send({
        type: 'start',
        modelPath,
        modelId,
        token,
        contextSize: this.options.contextSize,
        threads: this.options.threads,
        paceMs: this.options.paceMs,
      });
    });
    if (reply.type === 'error') {
      child.kill();
      throw new AppError(reply.code as ErrorCode, reply.message);
    }
    const running = {
      baseURL: `http://127.0.0.1:${reply.port}/v1`,
      token,
      modelPath,
      model: reply.model,
      process: child,
    };
    child.onExit((code) => {
      if (this.running !== running) return;
      // A crash takes only this process down: say so, and start again on the next request.
      this.running = null;
      this.crashMessage = `The model on this computer stopped unexpectedly (exit code ${code ?? 'none'}). It starts again with your next message.`;
      this.changed();
    });
    this.running = running;
    return running;
  }
}

/** A model's id from its file name (`qwen.gguf` → `qwen`). */
function idFromPath(modelPath: string): string {
  return (modelPath.split(/[\\/]/).pop() ?? 'model').replace(/\.gguf$/i, '');
}

/**
 * `fetch` for requests to the engine: direct (loopback, never a proxy), and a connection or body
 * that fails because the engine crashed fails with `local_model_crashed`, so chat says so.
 */
export function engineFetch(engine: LocalEngine): typeof globalThis.fetch {
  return async (input, init) => {
    const stopped = () => init?.signal?.aborted === true;
    let res: Response;
    try {
      res = await globalThis.fetch(input, init);
    } catch (err) {
      throw stopped() ? err : await engine.crashError(err);
    }
    if (!res.body) return res;
    const reader = res.body.getReader();
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        try {
          const { done, value } = await reader.read();
          if (done) controller.close();
          else controller.enqueue(value);
        } catch (err) {
          controller.error(stopped() ? err : await engine.crashError(err));
        }
      },
      cancel: (reason) => reader.cancel(reason),
    });
    return new Response(body, { status: res.status, statusText: res.statusText, headers: res.headers });
  };
}
