import { BUILTIN_BASE_URL } from '../../shared/builtinProvider';
import { originOf, sendsKeyInClear } from '../../shared/endpoint';
import type { KeyStatus, Language, Settings } from '../../shared/schemas';

/** The Settings form as typed: numbers stay strings until saved, so half-typed values are allowed. */
export interface SettingsForm {
  baseURL: string;
  model: string;
  temperature: string;
  topP: string;
  maxTokens: string;
  systemPrompt: string;
  language: Language;
  autoTitle: boolean;
  /** A new key to save; empty keeps the one configured. */
  key: string;
  sessionOnly: boolean;
  /** The user ticked "send my key to this address without encryption" (public http:// only). */
  plainHttpConfirmed: boolean;
}

/** The form's fields that can show an inline error. */
export type FormField = 'baseURL' | 'model' | 'temperature' | 'topP' | 'maxTokens' | 'key';

/** An inline error: a `settings:` translation key and its values. */
export interface FieldError {
  key: string;
  values?: Record<string, number | string>;
}

/** Errors by field; empty when the form can be saved. */
export type FormErrors = Partial<Record<FormField, FieldError>>;

/** The form filled from saved settings. */
export function formFromSettings(settings: Settings, sessionOnly: boolean): SettingsForm {
  return {
    baseURL: settings.baseURL,
    model: settings.model,
    temperature: String(settings.temperature),
    topP: String(settings.topP),
    maxTokens: settings.maxTokens === null ? '' : String(settings.maxTokens),
    systemPrompt: settings.systemPrompt,
    language: settings.language,
    autoTitle: settings.autoTitle,
    key: '',
    sessionOnly,
    plainHttpConfirmed: false,
  };
}

/** Whether a string is an http(s) URL. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value.trim());
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

function numberIn(value: string, min: number, max: number): boolean {
  if (value.trim() === '') return false;
  const n = Number(value);
  return Number.isFinite(n) && n >= min && n <= max;
}

/**
 * Whether main will send the saved key to `baseURL`: the origin it is bound to, and plain http to
 * a public host only if that was confirmed. Mirrors core's rule (KeyVault.keyFor) so the form can
 * ask for the key before Save instead of after.
 */
export function savedKeyGoesTo(key: KeyStatus | null, baseURL: string): boolean {
  if (!key?.configured || !key.origin || originOf(baseURL) !== key.origin) return false;
  return !sendsKeyInClear(baseURL) || key.plainHttpConfirmed;
}

/** The saved key cannot be used with the form's address, and no new key was typed. */
export function keyMustBeRetyped(form: SettingsForm, key: KeyStatus | null): boolean {
  return Boolean(key?.configured) && !form.key.trim() && !savedKeyGoesTo(key, form.baseURL);
}

/** The address would get the key unencrypted and nothing on record says the user agreed. */
export function needsPlainHttpConsent(form: SettingsForm, key: KeyStatus | null): boolean {
  if (!sendsKeyInClear(form.baseURL)) return false;
  return Boolean(form.key.trim()) || !savedKeyGoesTo(key, form.baseURL);
}

/** What the form knows of the provider in use: its address and which key goes there. */
export interface ProviderKeyInfo {
  baseURL: string;
  key: { source: 'own' | 'settings' | 'keyless' | 'none' };
}

/**
 * The provider at the form's address brings its own key (or needs none), and nothing new was
 * typed: core sends that key, not the Connection one (see `createCredentialsFor`), so none is asked.
 */
export function providerKeyCovers(form: SettingsForm, provider: ProviderKeyInfo | null): boolean {
  if (!provider || form.key.trim() || form.baseURL.trim() !== provider.baseURL) return false;
  return provider.key.source === 'own' || provider.key.source === 'keyless';
}

/**
 * Checks the form; `needKey` when no key is configured yet (the welcome screen). `key`: the saved
 * key's status, to ask for the key again when the address's origin changed. `provider`: the one
 * in use, whose own key (or none needed) stands in for the Connection key at its address.
 */
export function validateForm(
  form: SettingsForm,
  needKey: boolean,
  key: KeyStatus | null = null,
  provider: ProviderKeyInfo | null = null,
): FormErrors {
  const errors: FormErrors = {};
  if (!isHttpUrl(form.baseURL)) errors.baseURL = { key: 'baseURL.invalid' };
  if (!form.model.trim()) errors.model = { key: 'model.required' };
  if (!numberIn(form.temperature, 0, 2)) errors.temperature = { key: 'range', values: { min: 0, max: 2 } };
  if (!numberIn(form.topP, 0, 1)) errors.topP = { key: 'range', values: { min: 0, max: 1 } };
  const max = form.maxTokens.trim();
  if (max !== '' && !(Number.isInteger(Number(max)) && numberIn(max, 1, 1_000_000))) {
    errors.maxTokens = { key: 'maxTokens.invalid' };
  }
  // The model on this computer needs no key and gets none: nothing to ask or confirm.
  if (form.baseURL.trim() === BUILTIN_BASE_URL || providerKeyCovers(form, provider)) return errors;
  if (needKey && !form.key.trim()) errors.key = { key: 'key.required' };
  else if (keyMustBeRetyped(form, key)) errors.key = { key: 'key.retype' };
  if (!errors.baseURL && needsPlainHttpConsent(form, key) && !form.plainHttpConfirmed) {
    errors.baseURL = { key: 'baseURL.plainHttpRequired' };
  }
  return errors;
}

/** The settings to save from a valid form. */
export function settingsFromForm(form: SettingsForm): Settings {
  const max = form.maxTokens.trim();
  return {
    baseURL: form.baseURL.trim(),
    model: form.model.trim(),
    temperature: Number(form.temperature),
    topP: Number(form.topP),
    maxTokens: max === '' ? null : Number(max),
    systemPrompt: form.systemPrompt,
    language: form.language,
    autoTitle: form.autoTitle,
  };
}
