import { onEvent } from '../bridge/api';
import { streams } from './streamStore';

let stop: (() => void) | null = null;

/**
 * Feeds every `chat.delta` into the stream store, from app start, so no piece of an answer is
 * missed while a view is still loading. `chat.done` flushes what is pending at once.
 */
export function startStreamEvents(): () => void {
  if (stop) return stop;
  const offDelta = onEvent('chat.delta', ({ messageId, delta }) => streams.append(messageId, delta));
  const offDone = onEvent('chat.done', () => streams.flush());
  const offTracking = startDoneTracking();
  stop = () => {
    offDelta();
    offDone();
    offTracking();
    stop = null;
  };
  return stop;
}

const finished = new Set<string>();
const FINISHED_LIMIT = 200;

/** Remembers which streams already ended, in case `chat.done` outruns the reply to `chat.send`. */
export function startDoneTracking(): () => void {
  return onEvent('chat.done', ({ messageId }) => {
    finished.add(messageId);
    if (finished.size > FINISHED_LIMIT) finished.delete(finished.values().next().value as string);
  });
}

/** Whether `chat.done` already arrived for this message. */
export function hasFinished(messageId: string): boolean {
  return finished.has(messageId);
}
