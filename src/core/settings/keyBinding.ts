import { originOf, sendsKeyInClear } from '../../shared/endpoint';
import { AppError } from '../../shared/errors';
import { normalizeBaseURL } from '../chat/openaiClient';
import type { KeyBinding } from '../ports';

/**
 * The rules for where an API key may be sent. KeyVault applies them to the saved key; ChatService
 * applies `assertPlainHttpAllowed` to a key typed into the form.
 */

/** The binding for a key saved for `baseURL`; throws bad_url when the address is not http(s). */
export function bindingFor(baseURL: string, plainHttpConfirmed: boolean): KeyBinding {
  const origin = originOf(normalizeBaseURL(baseURL));
  if (!origin) throw new AppError('bad_url', 'The API address has no origin.');
  // A confirmation only means something for an address that needs one.
  return { origin, plainHttpConfirmed: plainHttpConfirmed && sendsKeyInClear(baseURL) };
}

/** A binding read back from the settings file, or null when it is missing or malformed. */
export function parseBinding(value: unknown): KeyBinding | null {
  if (typeof value !== 'object' || value === null) return null;
  const { origin, plainHttpConfirmed } = value as Record<string, unknown>;
  if (typeof origin !== 'string' || originOf(origin) !== origin) return null;
  return { origin, plainHttpConfirmed: plainHttpConfirmed === true };
}

/**
 * Throws unless a key bound by `binding` may be sent to `baseURL`: the same origin, and plain
 * http to a public host only if the user confirmed it for that origin.
 */
export function assertBindingAllows(binding: KeyBinding | null, baseURL: string): void {
  const target = originOf(normalizeBaseURL(baseURL)) ?? baseURL;
  if (!binding || binding.origin !== target) {
    throw new AppError(
      'key_not_for_this_address',
      binding
        ? `Your saved key belongs to ${binding.origin}. Type the key again to use it with ${target}.`
        : `Your saved key is not bound to an address. Type the key again to use it with ${target}.`,
    );
  }
  assertPlainHttpAllowed(baseURL, binding.plainHttpConfirmed);
}

/** Throws key_over_plain_http when `baseURL` would get the key unencrypted and nobody agreed to it. */
export function assertPlainHttpAllowed(baseURL: string, confirmed: boolean): void {
  if (confirmed || !sendsKeyInClear(baseURL)) return;
  throw new AppError(
    'key_over_plain_http',
    `${originOf(baseURL) ?? baseURL} uses plain http:// outside this computer and its local network: ` +
      'the key would travel unencrypted. Confirm it in Settings, or use https://.',
  );
}
