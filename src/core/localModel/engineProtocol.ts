/**
 * The messages between Penpal and its model engine process (plain JSON, the same over Node's
 * `child_process` IPC and Electron's `utilityProcess`).
 */

/** Sent once by the parent: which model to load and how to guard the loopback API. */
export interface EngineStart {
  type: 'start';
  modelPath: string;
  /** The id `/v1/models` lists (the file name without `.gguf`). */
  modelId: string;
  /** The bearer token every request must carry. */
  token: string;
  /** A smaller window than the model's own (tests, low memory); absent = the model's. */
  contextSize?: number;
  /** CPU threads (absent = node-llama-cpp's choice, every core); tests on a busy machine use 1. */
  threads?: number;
  /**
   * Milliseconds between streamed pieces (tests only: the tiny model answers faster than a
   * person can press Stop). Absent in the app.
   */
  paceMs?: number;
}

/** What the engine loaded: its window and the chat format's per-message overhead. */
export interface EngineModelInfo {
  id: string;
  contextWindow: number;
  /** Tokens the chat template adds around every message, and once to prime the reply. */
  perMessage: number;
  perRequest: number;
}

/** The engine's answer to `start`. */
export type EngineReply =
  { type: 'ready'; port: number; model: EngineModelInfo } | { type: 'error'; code: string; message: string };
