/**
 * The Base URL saved when "On this computer" is the provider: a reserved `.invalid` name that
 * resolves nowhere; core swaps in the engine's loopback address (a random port) on each call.
 * Its own module (no zod) so the renderer's start-up bundle can compare against it.
 */
export const BUILTIN_BASE_URL = 'http://on-this-computer.invalid/v1';
