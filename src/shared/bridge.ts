import type { AnyEvent, Input, Method, Output } from './contract';
import type { Result } from './errors';

/**
 * What the renderer sees as `window.bridge`: a request function and an event subscription,
 * whichever transport (Electron IPC or the browser host's WebSocket) is behind it.
 */
export interface Bridge {
  request<M extends Method>(method: M, input: Input<M>): Promise<Result<Output<M>>>;
  /** Subscribe to every event; returns the unsubscribe function. */
  onEvent(listener: (event: AnyEvent) => void): () => void;
}

/** The untyped form the preload exposes (it knows no method names). */
export interface RawBridge {
  request(method: string, input: unknown): Promise<unknown>;
  onEvent(listener: (event: unknown) => void): () => void;
  /**
   * The real paths of files dropped on the window (`webUtils.getPathForFile`); only the app's
   * preload has it, the browser host cannot know paths.
   */
  pathsForFiles?(files: File[]): string[];
}
