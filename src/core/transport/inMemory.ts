import type { RawBridge } from '../../shared/bridge';
import type { Dispatcher } from '../dispatcher';
import type { EventBus } from '../events';
import { asPlainJson } from './plainJson';

/** An in-memory bridge that can also be disconnected, like a closed window. */
export interface InMemoryBridge extends RawBridge {
  /** Stops delivering events to this client. */
  close(): void;
}

/**
 * A client connected straight to the dispatcher, for tests and tools. Inputs, results and events
 * go through JSON and arrive asynchronously, so it behaves like a real wire.
 */
export function createInMemoryBridge(dispatcher: Dispatcher, events: EventBus): InMemoryBridge {
  const listeners = new Set<(event: unknown) => void>();
  const unsubscribe = events.subscribe((event) => {
    const copy = asPlainJson(event);
    queueMicrotask(() => {
      for (const listener of [...listeners]) listener(copy);
    });
  });

  return {
    async request(method, input) {
      const result = await dispatcher.handle(method, asPlainJson(input ?? null));
      return asPlainJson(result);
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close() {
      unsubscribe();
      listeners.clear();
    },
  };
}
