import i18next from 'i18next';
import { useSyncExternalStore } from 'react';
import type { Output } from '../../shared/contract';
import type { Language } from '../../shared/schemas';
import { call, onEvent } from '../bridge/api';
import { resolveLanguage, type UiLanguage } from '../i18n';

/** The settings and key status as main reports them (`settings.get`). */
export type SettingsSnapshot = Output<'settings.get'>;

/** What the settings store holds: null until the first answer, and the error if loading failed. */
export interface SettingsState {
  current: SettingsSnapshot | null;
  error: string | null;
}

let state: SettingsState = { current: null, error: null };
let systemLanguage: string | undefined;
let unsubscribe: (() => void) | null = null;
const listeners = new Set<() => void>();

function set(next: SettingsState): void {
  state = next;
  for (const listener of listeners) listener();
}

/** The UI language a setting stands for ('system' follows the OS, then the browser). */
export function uiLanguageFor(language: Language): UiLanguage {
  if (language !== 'system') return language;
  return resolveLanguage(
    systemLanguage ?? (typeof navigator === 'undefined' ? undefined : navigator.language),
  );
}

/** Switches i18next to the language the settings ask for, if it differs. */
function applyLanguage(snapshot: SettingsSnapshot): void {
  const wanted = uiLanguageFor(snapshot.settings.language);
  if (i18next.isInitialized && i18next.language !== wanted) void i18next.changeLanguage(wanted);
  if (typeof document !== 'undefined') document.documentElement.lang = wanted;
}

/** What main asked to tell the user at start (e.g. a damaged database set aside). */
export type StartupNotice = Output<'app.info'>['notices'][number];
let startupNotices: StartupNotice[] = [];

/** The notices of this start; fixed once the app has started. */
export function getStartupNotices(): StartupNotice[] {
  return startupNotices;
}

/** Fetches settings and key status again (after `settings.changed` or a save). */
export async function reloadSettings(): Promise<SettingsSnapshot | null> {
  try {
    const current = await call('settings.get', {});
    set({ current, error: null });
    applyLanguage(current);
    return current;
  } catch (error) {
    set({ ...state, error: error instanceof Error ? error.message : String(error) });
    return null;
  }
}

/**
 * Loads settings and the OS language once at start and keeps them fresh; returns the UI language
 * to start i18next with.
 */
export async function startSettings(): Promise<UiLanguage> {
  try {
    const info = await call('app.info', {});
    systemLanguage = info.systemLanguage;
    startupNotices = info.notices;
  } catch {
    // The browser's language is a fine fallback.
  }
  unsubscribe ??= onEvent('settings.changed', () => void reloadSettings());
  const current = await reloadSettings();
  return uiLanguageFor(current?.settings.language ?? 'system');
}

/** Replaces the cached snapshot's settings after a successful update, without a round trip. */
export function noteSettings(settings: SettingsSnapshot['settings']): void {
  if (!state.current) return;
  const current = { ...state.current, settings };
  set({ ...state, current });
  applyLanguage(current);
}

/** Replaces the cached key status after `settings.setKey` / `settings.clearKey`. */
export function noteKeyStatus(key: SettingsSnapshot['key']): void {
  if (state.current) set({ ...state, current: { ...state.current, key } });
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The settings state; re-renders when it changes. */
export function useSettings(): SettingsState {
  return useSyncExternalStore(subscribe, () => state);
}
