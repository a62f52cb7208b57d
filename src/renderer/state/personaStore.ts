import { useSyncExternalStore } from 'react';
import type { Persona } from '../../shared/contextSchemas';
import { call, onEvent } from '../bridge/api';
import { toError } from '../chat/errorText';
import { noteCreated, reportLibraryError } from './library';
import { openConversation } from './navigation';

/** What the library dialog has selected: a persona, a new one being written, or nothing. */
export type PersonaSelection = { kind: 'persona'; id: string } | { kind: 'new' } | null;

/** A notice of the persona library: a deletion to undo, or a failure to explain. */
export interface PersonaToast {
  id: number;
  kind: 'deleted' | 'error';
  personaId: string | null;
  error: Error | null;
}

/** The personas as the renderer caches them, and the library dialog's state. */
export interface PersonaState {
  items: Persona[];
  loaded: boolean;
  error: Error | null;
  libraryOpen: boolean;
  selection: PersonaSelection;
  toast: PersonaToast | null;
}

/** How long "Persona deleted · Undo" stays. */
export const PERSONA_TOAST_MS = 8000;

let state: PersonaState = {
  items: [],
  loaded: false,
  error: null,
  libraryOpen: false,
  selection: null,
  toast: null,
};
const listeners = new Set<() => void>();
let watching = false;
let toastTimer: ReturnType<typeof setTimeout> | null = null;
let toastSeq = 0;

function set(patch: Partial<PersonaState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

/** Fetches the list again (the main process is the source of truth). */
export async function refreshPersonas(): Promise<void> {
  try {
    set({ items: await call('persona.list', {}), loaded: true, error: null });
  } catch (error) {
    set({ loaded: true, error: toError(error) });
  }
}

// The first component that reads personas starts the fetch and the watch for changes made
// elsewhere (another window, an import).
function watch(): void {
  if (watching) return;
  watching = true;
  onEvent('personas.changed', () => void refreshPersonas());
  void refreshPersonas();
}

/** The personas and the library's state; re-renders when they change. */
export function usePersonas(): PersonaState {
  watch();
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** The current state, outside React. */
export function getPersonas(): PersonaState {
  return state;
}

/** Opens the persona library, on one persona when given (else the first one). */
export function openPersonaLibrary(personaId?: string): void {
  watch();
  const id = personaId ?? state.items[0]?.id;
  set({ libraryOpen: true, selection: id ? { kind: 'persona', id } : null });
}

/** Closes the persona library. */
export function closePersonaLibrary(): void {
  set({ libraryOpen: false });
}

/** Shows a persona (or a new one) in the editor. */
export function selectPersona(selection: PersonaSelection): void {
  set({ selection });
}

/** Remembers a persona the main process returned, before the change event's refetch arrives. */
export function notePersona(persona: Persona): void {
  const known = state.items.some((p) => p.id === persona.id);
  set({
    items: known ? state.items.map((p) => (p.id === persona.id ? persona : p)) : [...state.items, persona],
  });
}

function showToast(toast: Omit<PersonaToast, 'id'>): void {
  if (toastTimer) clearTimeout(toastTimer);
  set({ toast: { ...toast, id: ++toastSeq } });
  toastTimer = setTimeout(() => set({ toast: null }), PERSONA_TOAST_MS);
}

/** Shows a failure in the library's toast. */
export function reportPersonaError(error: unknown): void {
  showToast({ kind: 'error', personaId: null, error: toError(error) });
}

/** Hides the toast. */
export function dismissPersonaToast(): void {
  if (toastTimer) clearTimeout(toastTimer);
  set({ toast: null });
}

/** Moves a persona to the Trash and offers Undo; the editor moves to a neighbour. */
export async function deletePersona(id: string): Promise<void> {
  const index = state.items.findIndex((p) => p.id === id);
  try {
    await call('persona.delete', { id });
  } catch (error) {
    reportPersonaError(error);
    return;
  }
  const items = state.items.filter((p) => p.id !== id);
  const next = items[Math.min(Math.max(index, 0), items.length - 1)];
  set({ items, selection: next ? { kind: 'persona', id: next.id } : null });
  showToast({ kind: 'deleted', personaId: id, error: null });
}

/** Undoes the deletion the toast offers, and shows the persona again. */
export async function undoPersonaDelete(): Promise<void> {
  const id = state.toast?.kind === 'deleted' ? state.toast.personaId : null;
  if (!id) return;
  dismissPersonaToast();
  try {
    const persona = await call('persona.restore', { id });
    await refreshPersonas();
    if (state.libraryOpen) set({ selection: { kind: 'persona', id: persona.id } });
  } catch (error) {
    reportPersonaError(error);
  }
}

/** Starts a conversation with the persona (and its opening message) and shows it. */
export async function startChatWithPersona(personaId: string): Promise<void> {
  try {
    const conversation = await call('conversation.create', { personaId });
    noteCreated(conversation);
    openConversation(conversation.id);
    closePersonaLibrary();
  } catch (error) {
    if (state.libraryOpen) reportPersonaError(error);
    else reportLibraryError(error);
  }
}
