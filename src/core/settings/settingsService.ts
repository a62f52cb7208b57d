import { AppError } from '../../shared/errors';
import { SettingsSchema, type Settings } from '../../shared/schemas';
import { normalizeBaseURL as normalizeClientBaseURL } from '../chat/openaiClient';
import { DEFAULT_SETTINGS, type KeyValueStore } from '../ports';

/** Reads and updates the user's settings (everything but the key) in the small settings file. */
export class SettingsService {
  constructor(private readonly store: KeyValueStore) {}

  /** The saved settings over the defaults; a damaged or partial file never breaks the app. */
  get(): Settings {
    const saved = this.store.get('settings');
    const merged = { ...DEFAULT_SETTINGS, ...(isRecord(saved) ? saved : {}) };
    const parsed = SettingsSchema.safeParse(merged);
    if (parsed.success) return parsed.data;
    // Keep every valid field, reset only the broken ones.
    const repaired: Record<string, unknown> = { ...DEFAULT_SETTINGS };
    for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
      const field = SettingsSchema.shape[key].safeParse(merged[key]);
      if (field.success) repaired[key] = field.data;
    }
    return SettingsSchema.parse(repaired);
  }

  /** Applies a validated partial update and returns the new settings. */
  update(patch: Partial<Settings>): Settings {
    if (patch.baseURL !== undefined) patch = { ...patch, baseURL: normalizeBaseURL(patch.baseURL) };
    const next = SettingsSchema.parse({ ...this.get(), ...patch });
    this.store.set('settings', next);
    return next;
  }
}

/** Checks a base URL as the chat client does; a bad one is invalid input for a settings form. */
export function normalizeBaseURL(value: string): string {
  try {
    return normalizeClientBaseURL(value);
  } catch (error) {
    throw error instanceof AppError ? new AppError('invalid_input', error.message) : error;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
