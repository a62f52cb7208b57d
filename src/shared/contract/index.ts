import type { z } from 'zod';
import { chatEvents, chatMethods } from './chat';
import { contextEvents, contextMethods } from './context';
import { fineTuningEvents, fineTuningMethods } from './fineTuning';
import { journalEvents, journalMethods } from './journal';
import { libraryEvents, libraryMethods } from './library';
import { localModelEvents, localModelMethods } from './localModel';
import { providersEvents, providersMethods } from './providers';
import { settingsEvents, settingsMethods } from './settings';
import { youngerSelfEvents, youngerSelfMethods } from './youngerSelf';
import { shellEvents, shellMethods } from './shell';

/**
 * The one contract between the renderer and main. Every request is `{input, output}` and every
 * event a payload schema; main, the preload, the browser host and the renderer all derive their
 * types from here. Inputs are validated by the dispatcher where they enter main. Each domain
 * declares its part in its own file; this one composes them.
 */
export const methods = {
  ...settingsMethods,
  ...libraryMethods,
  ...chatMethods,
  ...contextMethods,
  ...journalMethods,
  ...youngerSelfMethods,
  ...providersMethods,
  ...shellMethods,
  ...fineTuningMethods,
  ...localModelMethods,
} as const;

export const events = {
  ...settingsEvents,
  ...libraryEvents,
  ...chatEvents,
  ...contextEvents,
  ...journalEvents,
  ...youngerSelfEvents,
  ...providersEvents,
  ...shellEvents,
  ...fineTuningEvents,
  ...localModelEvents,
} as const;

/** Every request method name. */
export type Method = keyof typeof methods;
/** Every event name. */
export type EventName = keyof typeof events;
/** The input a caller passes (defaults optional). */
export type Input<M extends Method> = z.input<(typeof methods)[M]['input']>;
/** The input a handler receives after validation (defaults applied). */
export type ParsedInput<M extends Method> = z.output<(typeof methods)[M]['input']>;
/** What a method resolves to. */
export type Output<M extends Method> = z.output<(typeof methods)[M]['output']>;
/** An event's payload. */
export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;

/** One event as it travels: name plus payload. */
export type AnyEvent = { [E in EventName]: { name: E; payload: EventPayload<E> } }[EventName];

export { IPC_EVENT_CHANNEL, IPC_REQUEST_CHANNEL } from '../channels';

/** Is this string one of the contract's methods? */
export function isMethod(name: unknown): name is Method {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(methods, name);
}
