import { useSyncExternalStore } from 'react';

/** Schedules one callback before the next paint; injectable so tests can drive frames by hand. */
export type FrameScheduler = (callback: () => void) => void;

/**
 * Accumulates `chat.delta` pieces per message and publishes them at most once per animation
 * frame, so 250 deltas a second still cost one React commit per frame. Only the message whose
 * text changed re-renders: each subscriber reads a string snapshot that is stable between flushes.
 */
export class StreamStore {
  /** Text published to React, per message id. */
  private committed = new Map<string, string>();
  /** Deltas received since the last flush, per message id. */
  private pending = new Map<string, string>();
  private listeners = new Set<() => void>();
  private scheduled = false;

  constructor(private readonly schedule: FrameScheduler) {}

  /** Adds a piece of an answer; the text is published on the next frame. */
  append(messageId: string, delta: string): void {
    if (!delta) return;
    this.pending.set(messageId, (this.pending.get(messageId) ?? '') + delta);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  /** Publishes every pending delta now (also called by the frame callback). */
  flush(): void {
    this.scheduled = false;
    if (this.pending.size === 0) return;
    const next = new Map(this.committed);
    for (const [id, text] of this.pending) next.set(id, (next.get(id) ?? '') + text);
    this.pending.clear();
    this.committed = next;
    for (const listener of this.listeners) listener();
  }

  /** The streamed text of a message so far (published part only), or undefined if none arrived. */
  text(messageId: string): string | undefined {
    return this.committed.get(messageId);
  }

  /** Forgets a message's streamed text once the stored message has it all. */
  forget(messageId: string): void {
    // Both deletes must run: `||` would skip the pending one and let its text reappear on the next flush.
    const hadCommitted = this.committed.delete(messageId);
    const hadPending = this.pending.delete(messageId);
    if (hadCommitted || hadPending) for (const listener of this.listeners) listener();
  }

  /** Subscribes to publications; returns the unsubscribe function. */
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
}

const browserFrame: FrameScheduler = (callback) => {
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(callback);
  else setTimeout(callback, 16);
};

/** The app's one stream store, fed by the `chat.delta` subscription in `streamEvents.ts`. */
export const streams = new StreamStore(browserFrame);

/** The streamed text of one message; re-renders at most once per frame while it grows. */
export function useStreamText(messageId: string, store: StreamStore = streams): string | undefined {
  return useSyncExternalStore(store.subscribe, () => store.text(messageId));
}

/**
 * What to show for a message that may be streaming: the streamed text when it is ahead of the
 * stored content (the store is written throttled), else the stored content.
 */
export function pickShownText(stored: string, streamed: string | undefined): string {
  return streamed !== undefined && streamed.length >= stored.length ? streamed : stored;
}
