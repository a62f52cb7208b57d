import type { Bridge, RawBridge } from '../../shared/bridge';
import type { AnyEvent, EventName, EventPayload, Input, Method, Output } from '../../shared/contract';
import type { ErrorCode, Result, WireError } from '../../shared/errors';
import { createWebSocketBridge } from './webSocketBridge';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in the browser host. */
    bridge?: RawBridge & {
      /** The app's paths of dropped or chosen files (`webUtils.getPathForFile`); '' for none. */
      pathsForFiles?: (files: File[]) => string[];
    };
  }
}

/** A failed request, with the contract's error code for a translated message. */
export class BridgeError extends Error {
  readonly code: ErrorCode;
  readonly retryAfter?: number;
  constructor(error: WireError) {
    super(error.message);
    this.name = 'BridgeError';
    this.code = error.code;
    this.retryAfter = error.retryAfter;
  }
}

function pickTransport(): RawBridge {
  if (window.bridge) return window.bridge;
  const token = new URLSearchParams(location.search).get('token') ?? '';
  const protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return createWebSocketBridge(`${protocol}//${location.host}/ws?token=${encodeURIComponent(token)}`);
}

let raw: RawBridge | null = null;
function transport(): RawBridge {
  raw ??= pickTransport();
  return raw;
}

/** The typed bridge, whichever transport is underneath. */
export const bridge: Bridge = {
  request<M extends Method>(method: M, input: Input<M>) {
    return transport().request(method, input) as Promise<Result<Output<M>>>;
  },
  onEvent(listener) {
    return transport().onEvent((event) => listener(event as AnyEvent));
  },
};

/** The paths of files the user dropped, in the app; null in the browser host (no paths there). */
export function pathsForFiles(files: File[]): string[] | null {
  const paths = window.bridge?.pathsForFiles?.(files);
  return paths && paths.every((path) => path !== '') ? paths : null;
}

/** Calls a method and returns its data, or throws a BridgeError. */
export async function call<M extends Method>(method: M, input: Input<M>): Promise<Output<M>> {
  const result = await bridge.request(method, input);
  if (!result.ok) throw new BridgeError(result.error);
  return result.data;
}

/** Subscribes to one event by name; returns the unsubscribe function. */
export function onEvent<E extends EventName>(
  name: E,
  listener: (payload: EventPayload<E>) => void,
): () => void {
  return bridge.onEvent((event) => {
    if (event.name === name) listener(event.payload as EventPayload<E>);
  });
}
