import { useSyncExternalStore } from 'react';
import { call } from '../bridge/api';
import { reloadProviders } from './providerStore';

/** A provider's check as a row shows it: running, or how the last one failed (null: it did not). */
export interface ProviderCheckState {
  checking: boolean;
  error: unknown;
}

const IDLE: ProviderCheckState = { checking: false, error: null };
// Kept outside any component: a check started by "Add" goes on after the dialog closes (adding a
// detected server closes it), and the row shows its result whenever it is drawn again.
const states = new Map<string, ProviderCheckState>();
const listeners = new Set<() => void>();

function set(id: string, state: ProviderCheckState): void {
  states.set(id, state);
  for (const listener of listeners) listener();
}

/**
 * Runs `provider.check` for provider `id` (models, context length, streaming usage,
 * /v1/completions) and refreshes the list with what it found. A failure is kept for the row to
 * show; it never throws, so a check right after an add cannot undo or block the add.
 */
export async function checkProvider(id: string): Promise<void> {
  if (states.get(id)?.checking) return;
  set(id, { checking: true, error: null });
  try {
    await call('provider.check', { id });
    await reloadProviders();
    set(id, IDLE);
  } catch (error) {
    set(id, { checking: false, error });
  }
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Provider `id`'s check: whether one runs now and how the last one failed. */
export function useProviderCheck(id: string): ProviderCheckState {
  return useSyncExternalStore(subscribe, () => states.get(id) ?? IDLE);
}
