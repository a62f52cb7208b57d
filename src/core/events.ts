import type { AnyEvent, EventName, EventPayload } from '../shared/contract';

/** Fans core's events out to every connected transport (windows, WebSocket clients, tests). */
export interface EventBus {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Returns the unsubscribe function. */
  subscribe(listener: (event: AnyEvent) => void): () => void;
}

/** A synchronous in-process event bus. A throwing listener never stops the others. */
export function createEventBus(): EventBus {
  const listeners = new Set<(event: AnyEvent) => void>();
  return {
    emit(name, payload) {
      const event = { name, payload } as AnyEvent;
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch {
          // A broken transport must not break the others or the caller.
        }
      }
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
