/** Default gap between two delta events: about 30 events a second, smooth enough to read. */
export const DEFAULT_COALESCE_MS = 33;

/**
 * Buffers streamed text and hands it on at most once per interval (and once more at `flush`), so
 * a model sending 250 chunks a second costs the windows ~30 events a second. It passes on the new
 * text only, never the accumulated answer, so each event stays small as the answer grows.
 */
export class DeltaCoalescer {
  private buffer = '';
  private timer: NodeJS.Timeout | undefined;
  private lastEmit = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly emit: (delta: string) => void,
    private readonly intervalMs = DEFAULT_COALESCE_MS,
  ) {}

  /** Adds a piece; it goes out now if the last event is old enough, else with the next one. */
  push(delta: string): void {
    if (!delta) return;
    this.buffer += delta;
    if (this.timer) return;
    const wait = this.lastEmit + this.intervalMs - performance.now();
    // The first piece goes out at once: the user should see the answer start without delay.
    if (wait <= 0) this.flush();
    else this.timer = setTimeout(() => this.flush(), wait);
  }

  /** Sends whatever is buffered now (call it at the end of the stream). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.buffer) return;
    const text = this.buffer;
    this.buffer = '';
    this.lastEmit = performance.now();
    this.emit(text);
  }
}
