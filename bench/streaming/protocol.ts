/** What the streaming bench page reports back to bench/streamingBench.ts. */

/** One React commit: the text length it showed and how long render + commit took (ms). */
export interface UpdateSample {
  length: number;
  ms: number;
}

/** The result of streaming one answer into the page. */
export interface StreamStats {
  /** Rate the chunks were offered at (chunks/s). */
  offeredRate: number;
  chunks: number;
  characters: number;
  /** Wall time from the first chunk's arrival to the commit that showed the last one (ms). */
  wallMs: number;
  updates: UpdateSample[];
  /** Longest wait from a chunk's arrival to the commit that showed it (ms). */
  maxDelayMs: number;
  /** Durations of PerformanceObserver 'longtask' entries during the stream (ms). */
  longTasks: number[];
  /** Durations of 'long-animation-frame' entries during the stream, where supported (ms). */
  longFrames: number[];
  /** The last commit showed every character of the answer. */
  fullyRendered: boolean;
  /** CSP violations seen by the page (the bench runs under the app's production CSP). */
  cspViolations: number;
}

/** The page's entry points, on `window.__streamingBench`. */
export interface StreamingBenchApi {
  /** Streams a different answer fast, so the measured run sees warm JIT and a loaded highlighter. */
  warmup(): Promise<void>;
  /** Streams the ~100 KB answer at `rate` chunks/s, one commit per animation frame at most. */
  stream(rate: number): Promise<StreamStats>;
  /** After a stream: the streamed DOM equals a one-shot render of the whole answer. */
  matchesOneShotRender(): boolean;
  /** Shows an empty message (a fresh component), so a heap reading after it starts from nothing. */
  clear(): void;
}
