import type { DateOrder, ImportPhase, Journal, JournalPreview } from '../../shared/journalSchemas';
import { call, onEvent, pathsForFiles } from '../bridge/api';
import { toError } from '../chat/errorText';
import { fileToBase64 } from '../library/readFiles';
import { createStore, useStore } from '../state/createStore';

/** A file picked or dropped, with its path inside a dropped folder (`Daily/2024-01-05.md`). */
export interface PickedFile {
  file: File;
  path: string;
}

/** The Journals section's state: open or not, the list, the import under way, the open journal. */
export interface JournalsState {
  open: boolean;
  journals: Journal[];
  loaded: boolean;
  error: Error | null;
  /** The journal being read, or null for the list and import view. */
  journalId: string | null;
  /** A day to show in the open journal (an answer's source was clicked), or null. */
  focusDate: string | null;
  preview: JournalPreview | null;
  progress: { phase: ImportPhase; done: number; total: number } | null;
  importError: Error | null;
  /** A deleted journal that "Undo" brings back. */
  undo: { id: string; name: string } | null;
}

const store = createStore<JournalsState>(
  {
    open: false,
    journals: [],
    loaded: false,
    error: null,
    journalId: null,
    focusDate: null,
    preview: null,
    progress: null,
    importError: null,
    undo: null,
  },
  watch,
);
const set = store.set;

/** Fetches the journal list again. */
export async function refreshJournals(): Promise<void> {
  try {
    set({ journals: await call('journal.list', {}), loaded: true, error: null });
  } catch (error) {
    set({ loaded: true, error: toError(error) });
  }
}

// Started when the section is first shown: the list, and its changes.
function watch(): void {
  onEvent('journals.changed', () => void refreshJournals());
  onEvent('journal.importProgress', (progress) => {
    if (store.get().progress) set({ progress });
  });
  void refreshJournals();
}

/** The Journals section's state; re-renders when it changes. */
export function useJournals(): JournalsState {
  return useStore(store);
}

/** Opens the Journals section (the list, or one journal). */
export function openJournals(journalId: string | null = null): void {
  set({ open: true, journalId, focusDate: null });
}

/** Opens a journal at the month of one day (an answer's source), with that day's entries shown. */
export function openJournalDay(journalId: string, date: string): void {
  set({ open: true, journalId, focusDate: date, preview: null });
}

/** Back to the chats. */
export function closeJournals(): void {
  if (store.get().open) set({ open: false });
}

// How many files, and how many base64 characters, one upload request carries (the contract's
// limits are 200 files and 32 M characters; staying under them leaves room for the envelope).
const BATCH_FILES = 100;
const BATCH_CHARS = 24_000_000;

async function previewInBrowser(files: PickedFile[]): Promise<JournalPreview> {
  let uploadId: string | undefined;
  let batch: { path: string; base64: string }[] = [];
  let chars = 0;
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    ({ uploadId } = await call('journal.upload', { uploadId, files: batch }));
    batch = [];
    chars = 0;
  };
  set({ progress: { phase: 'reading', done: 0, total: files.length } });
  for (const [index, picked] of files.entries()) {
    const base64 = await fileToBase64(picked.file);
    if (batch.length >= BATCH_FILES || (batch.length > 0 && chars + base64.length > BATCH_CHARS))
      await flush();
    batch.push({ path: picked.path, base64 });
    chars += base64.length;
    set({ progress: { phase: 'reading', done: index + 1, total: files.length } });
  }
  await flush();
  return call('journal.preview', { uploadId: uploadId as string });
}

/**
 * Imports the picked files into a preview. In the app main reads the files itself from their paths
 * (nothing large crosses IPC); in the browser they are uploaded in batches with progress.
 */
export async function startImport(files: PickedFile[], folderPaths: string[] | null = null): Promise<void> {
  if (files.length === 0 && !folderPaths?.length) return;
  set({ importError: null, preview: null, progress: { phase: 'reading', done: 0, total: files.length } });
  try {
    const paths = folderPaths ?? pathsForFiles(files.map((picked) => picked.file));
    const preview = paths ? await call('journal.previewPaths', { paths }) : await previewInBrowser(files);
    set({ preview, progress: null });
  } catch (error) {
    set({ importError: toError(error), progress: null });
  }
}

/** Parses the same files again with another date pattern. */
export async function changeDateOrder(dateOrder: DateOrder): Promise<void> {
  const { preview } = store.get();
  if (!preview) return;
  set({ progress: { phase: 'parsing', done: 0, total: 1 }, importError: null });
  try {
    set({
      preview: await call('journal.repreview', { token: preview.token, dateOrder }),
      progress: null,
    });
  } catch (error) {
    set({ importError: toError(error), progress: null });
  }
}

/** Saves the preview as a journal and opens it. */
export async function saveJournal(input: {
  name: string;
  ownerName: string;
  birthYear: number | null;
}): Promise<void> {
  const { preview } = store.get();
  if (!preview) return;
  const total = preview.entryCount;
  set({ progress: { phase: 'saving', done: 0, total }, importError: null });
  try {
    const { journal } = await call('journal.save', { token: preview.token, ...input });
    await refreshJournals();
    set({ preview: null, progress: null, journalId: journal.id });
  } catch (error) {
    set({ importError: toError(error), progress: null });
  }
}

/** Leaves the preview without saving. */
export function cancelPreview(): void {
  const token = store.get().preview?.token;
  set({ preview: null, importError: null });
  if (token) void call('journal.discardPreview', { token }).catch(() => {});
}

/** Deletes a journal, offering Undo. */
export async function deleteJournal(journal: Journal): Promise<void> {
  await call('journal.delete', { id: journal.id });
  set({ journalId: null, undo: { id: journal.id, name: journal.name } });
  await refreshJournals();
}

/** Brings the last deleted journal back. */
export async function undoDeleteJournal(): Promise<void> {
  const undo = store.get().undo;
  if (!undo) return;
  set({ undo: null });
  await call('journal.restore', { id: undo.id });
  await refreshJournals();
  set({ journalId: undo.id });
}

/** Hides the Undo toast. */
export function dismissUndo(): void {
  set({ undo: null });
}
