import ipaddr from 'ipaddr.js';
import { originOf } from '../../shared/endpoint';
import { AppError } from '../../shared/errors';
import { normalizeBaseURL } from '../chat/openaiClient';
import type { KeyValueStore } from '../ports';
import type { SettingsService } from '../settings/settingsService';
import { describeEndpoint, type ProviderStore } from './providerStore';

/**
 * What a local server without keys (Ollama, llama.cpp…) is sent in the Authorization header:
 * the SDK needs some key, and this one is no secret. The saved key never goes there unless it is
 * bound to that origin.
 */
export const LOCAL_PLACEHOLDER_KEY = 'penpal-local-no-key';

/** Whether `baseURL` is on this computer's loopback (127.0.0.0/8, ::1, localhost). */
export function isLoopbackURL(baseURL: string): boolean {
  try {
    const host = new URL(baseURL).hostname.replace(/^\[|\]$/g, '');
    if (host === 'localhost') return true;
    return ipaddr.isValid(host) && ipaddr.process(host).range() === 'loopback';
  } catch {
    return false;
  }
}

/**
 * Adds a local server the user picked (from "Detected"): its origin is remembered as needing no
 * key, and it becomes the endpoint chat uses, with `model`. Only loopback addresses qualify.
 */
export function addLocalProvider(
  store: KeyValueStore,
  settings: SettingsService,
  providers: ProviderStore,
  input: { baseURL: string; model?: string; name?: string },
): void {
  const baseURL = normalizeBaseURL(input.baseURL);
  const origin = originOf(baseURL);
  if (!origin || !isLoopbackURL(baseURL)) {
    throw new AppError('invalid_input', 'Only a server on this computer can be added without a key.');
  }
  const known = store.get('keylessOrigins') ?? [];
  if (!known.includes(origin)) store.set('keylessOrigins', [...known, origin]);
  const described = describeEndpoint(baseURL);
  const id = providers.save({
    ...described,
    name: input.name ?? described.name,
    baseURL,
    defaultModel: input.model ?? '',
    keyless: true,
  });
  providers.use(id);
  if (!input.model) settings.update({ baseURL });
}

/**
 * The key for a request to `baseURL` when the vault has none for it: the placeholder for a local
 * server added without a key, else the vault's own refusal (`error`) again.
 */
export function keylessKeyFor(store: KeyValueStore, baseURL: string, error: unknown): string {
  const code = error instanceof AppError ? error.code : null;
  const origin = originOf(baseURL);
  if (
    (code === 'no_key' || code === 'key_not_for_this_address') &&
    origin !== null &&
    isLoopbackURL(baseURL) &&
    (store.get('keylessOrigins') ?? []).includes(origin)
  ) {
    return LOCAL_PLACEHOLDER_KEY;
  }
  throw error;
}
