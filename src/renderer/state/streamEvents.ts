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
  stop = () => {
    offDelta();
    offDone();
    stop = null;
  };
  return stop;
}
