import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, join, relative, sep } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../shared/errors';
import { checkFileSize, DEFAULT_MAX_FILE_BYTES, parseJournalFiles } from '../journals';
import type { JournalParseOptions, JournalSourceFile, ParsedJournal } from '../journals/types';
import { runOnWorker } from './workerJob';

/**
 * The journal job of the import worker: read dropped paths (walking folders, sizes checked before
 * reading) or take uploaded bytes, then parse them into entry drafts. Same worker file as the chat
 * import (`worker.ts` dispatches on `job`), one worker per job.
 */

/** What a journal job is given: files already in memory (browser uploads) or paths on disk (the app). */
export type JournalJobInput =
  | { files: JournalSourceFile[]; options: JournalParseOptions }
  | { paths: string[]; options: JournalParseOptions };

/** Progress before saving: reading files, then parsing them. */
export type JournalJobProgress = (phase: 'reading' | 'parsing', done: number, total: number) => void;

/**
 * The parsed journal and the names of the files read. Files read from paths are not sent back
 * (a re-preview reads the paths again), so a 4,000-note folder is not copied across threads twice.
 */
export interface JournalJobResult {
  parsed: ParsedJournal;
  /** Each file's path inside what was dropped (`Daily/2024-01-05.md`). */
  fileNames: string[];
}

/** Runs a journal job; in process or on the worker (`journalJobInWorker`). */
export type JournalJobRunner = (
  input: JournalJobInput,
  onProgress: JournalJobProgress,
) => Promise<JournalJobResult>;

/** Messages from the worker for a journal job. */
export type JournalWorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'parsing'; done: number; total: number }
  | { type: 'journal'; result: JournalJobResult }
  | { type: 'error'; code: ErrorCode; message: string };

// Hidden files and folders (.obsidian, .git, .DS_Store) are never diary text.
const hidden = (name: string): boolean => name.startsWith('.');

/** Every file under the dropped paths, with the path relative to the dropped folder's parent. */
async function walk(
  paths: string[],
  maxFiles: number,
): Promise<{ absolute: string; path: string; size: number }[]> {
  const found: { absolute: string; path: string; size: number }[] = [];
  const visit = async (absolute: string, root: string): Promise<void> => {
    const info = await stat(absolute);
    if (info.isDirectory()) {
      const names = (await readdir(absolute)).filter((name) => !hidden(name)).sort();
      for (const name of names) await visit(join(absolute, name), root);
      return;
    }
    if (!info.isFile()) return;
    if (found.length >= maxFiles) {
      throw new AppError(
        'import_failed',
        `More than ${maxFiles} files were dropped; import a smaller folder.`,
      );
    }
    found.push({ absolute, path: relative(root, absolute).split(sep).join('/'), size: info.size });
  };
  for (const path of paths) {
    try {
      await visit(path, join(path, '..'));
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('import_failed', `“${basename(path)}” could not be read (${String(error)}).`);
    }
  }
  return found;
}

/** The most files one import reads (a 4,000-note vault fits with room to spare). */
export const MAX_JOURNAL_FILES = 50_000;

/** Reads and parses in the calling thread. */
export const runJournalJob: JournalJobRunner = async (input, onProgress) => {
  const maxBytes = input.options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let files: JournalSourceFile[];
  if ('paths' in input) {
    const found = await walk(input.paths, MAX_JOURNAL_FILES);
    files = [];
    onProgress('reading', 0, found.length);
    for (const file of found) {
      // The size on disk is checked before a byte is read, so a 4 GB file is refused at once.
      checkFileSize(file.path, file.size, maxBytes);
      files.push({ path: file.path, bytes: new Uint8Array(await readFile(file.absolute)) });
      onProgress('reading', files.length, found.length);
    }
  } else {
    files = input.files;
  }
  onProgress('parsing', 0, 1);
  await nextTurn();
  const parsed = await parseJournalFiles(files, input.options);
  onProgress('parsing', 1, 1);
  return { parsed, fileNames: files.map((file) => file.path) };
};

/**
 * Runs the job on a fresh worker from `spawn` (the import worker, `worker.ts`). A worker that
 * cannot start falls back to the calling thread, like the chat import.
 */
export function journalJobInWorker(spawn: () => Worker): JournalJobRunner {
  return (input, onProgress) =>
    runOnWorker<JournalJobResult, JournalWorkerMessage>({
      spawn,
      job: { job: 'journal', input },
      onMessage: (message, job) => {
        if (message.type === 'progress') onProgress(message.phase, message.done, message.total);
        else if (message.type === 'journal') job.resolve(message.result);
        else job.reject(new AppError(message.code, message.message));
      },
      fallback: () => runJournalJob(input, onProgress),
      stopped: (error) =>
        new AppError(
          'import_failed',
          `The import stopped unexpectedly (${error.message}). Nothing was saved.`,
        ),
    });
}
