/**
 * Journal import: diary files in, dated entry drafts out. Pure and platform-free (bytes in,
 * JSON out), so it runs on the import worker thread like the chat importers.
 *
 * ```ts
 * const parsed = await parseJournalFiles(
 *   [{ path: 'Daily Notes/2024-01-05.md', bytes }, …], // a file, or every file of a dropped folder
 *   { dateOrder: 'auto', defaultYear: 2024 },
 * );
 * // parsed: { format: 'dailyNotes', entries: JournalEntryDraft[], undated: 0, warnings: [] }
 * ```
 *
 * - Each file is read by the first format of `registry.ts` that claims it; `format` is the one
 *   that read most entries. Zips (Day One, Journey) are unpacked; photos and hidden files are
 *   counted in a warning, not imported.
 * - In a folder where some notes are named by date, text notes that are not are left out (with a
 *   `file_skipped` warning): they are the vault's other notes (jrnl and Obsidian both work so).
 * - `sourceKey` is stable: the source's own id where it has one (`dayOne:<uuid>`), else the file
 *   path, the date and the entry's rank on that date. Re-importing the same files gives the same
 *   keys, so the store can skip what it already has.
 * - Bad input throws `AppError('import_failed')` with a message naming the file and what is wrong
 *   (too large, not a text file, damaged zip or zip bomb, scanned PDF, no entries). With several
 *   files, one unreadable file is skipped with a warning; it throws only if nothing is left.
 * - Call `checkFileSize` with the size on disk before reading a file; the bytes are checked again here.
 */
import { AppError } from '../../shared/errors';
import { dateFromPath } from './dates/index';
import { DEFAULT_MAX_FILE_BYTES, loadFiles } from './files';
import type { FoundEntry, LoadedFile, ParseContext } from './formats/format';
import { formatFor } from './registry';
import { zipLimitsFor } from './zip';
import type {
  JournalEntryDraft,
  JournalParseOptions,
  JournalSourceFile,
  JournalWarning,
  ParsedJournal,
} from './types';

export type * from './types';
export { checkFileSize, DEFAULT_MAX_FILE_BYTES } from './files';
export { JOURNAL_FORMAT_NAMES } from './registry';
export { dateFromPath, parseDate } from './dates/index';

const NOTE_EXTENSIONS = new Set(['md', 'markdown', 'txt', 'text', 'journal', 'org']);

/** Parses dropped journal files into entry drafts (see the file comment). */
export async function parseJournalFiles(
  sources: JournalSourceFile[],
  options: JournalParseOptions = {},
): Promise<ParsedJournal> {
  if (sources.length === 0) throw new AppError('import_failed', 'No file was chosen to import.');
  const warnings: JournalWarning[] = [];
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const zipLimits = zipLimitsFor(options.maxUnpackedBytes);
  const files = withoutStrayNotes(loadFiles(sources, maxBytes, zipLimits, warnings), warnings);
  const context: ParseContext = {
    options: { ...options, dateOrder: options.dateOrder ?? 'auto' },
    warn: (warning) => warnings.push(warning),
  };
  const single = files.length === 1;
  const perFormat = new Map<string, number>();
  const entries: JournalEntryDraft[] = [];
  let firstError: AppError | null = null;

  for (const file of files) {
    let found: FoundEntry[];
    let formatName: string;
    try {
      const format = formatFor(file, files, options.format);
      if (!format) throw new AppError('import_failed', unknownFormat(file));
      formatName = format.name;
      found = await format.parse(file, context);
    } catch (error) {
      const failure =
        error instanceof AppError
          ? error
          : new AppError('import_failed', `“${file.path}” could not be read (${String(error)}).`);
      if (single) throw failure;
      firstError ??= failure;
      warnings.push({
        code: 'file_skipped',
        file: file.path,
        detail: failure.message,
        reason: 'unreadable',
        value: failure.message,
      });
      continue;
    }
    perFormat.set(formatName, (perFormat.get(formatName) ?? 0) + found.length);
    entries.push(...drafts(found, file, formatName));
  }
  if (entries.length === 0) {
    throw firstError && files.length === 1
      ? firstError
      : new AppError(
          'import_failed',
          firstError
            ? `None of the chosen files could be imported. The first problem: ${firstError.message}`
            : 'No journal entries were found in the chosen files.',
        );
  }
  const undated = entries.filter((entry) => entry.date === null).length;
  if (undated > 0) {
    warnings.push({
      code: 'undated_entry',
      file: '',
      detail: `${undated} entries have no date Penpal could read; they are kept, undated.`,
      reason: 'undated',
      count: undated,
    });
  }
  const format = [...perFormat.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'plainText';
  return { format, entries, undated, warnings };
}

/** In a folder of notes named by date, the other text notes are not diary entries. */
function withoutStrayNotes(files: LoadedFile[], warnings: JournalWarning[]): LoadedFile[] {
  const isNote = (file: LoadedFile): boolean => NOTE_EXTENSIONS.has(file.extension);
  const dated = files.filter((file) => isNote(file) && dateFromPath(file.path) !== null);
  if (files.length < 2 || dated.length === 0) return files;
  return files.filter((file) => {
    if (!isNote(file) || dateFromPath(file.path) !== null) return true;
    warnings.push({
      code: 'file_skipped',
      file: file.path,
      detail: 'It is not named by date like the other notes in the folder, so it was not imported.',
      reason: 'not_named_by_date',
    });
    return false;
  });
}

function unknownFormat(file: LoadedFile): string {
  if (file.extension === 'json' && file.json() === undefined) {
    return `“${file.path}” is not valid JSON; it may be cut short or damaged.`;
  }
  return `“${file.path}” is not a journal format Penpal can read (text, Markdown, Word, PDF, Day One, Journey, Evernote, Apple Journal or jrnl).`;
}

function drafts(found: FoundEntry[], file: LoadedFile, formatName: string): JournalEntryDraft[] {
  const rank = new Map<string, number>();
  return found.map((entry) => {
    const day = entry.date ?? 'undated';
    const n = (rank.get(day) ?? 0) + 1;
    rank.set(day, n);
    const draft: JournalEntryDraft = {
      date: entry.date,
      time: entry.time ?? null,
      timeZone: entry.timeZone ?? null,
      text: entry.text,
      tags: entry.tags ?? [],
      sourceFile: file.path,
      sourceKey: entry.id ? `${formatName}:${entry.id}` : `${formatName}:${file.path}#${day}#${n}`,
    };
    if (entry.title) draft.title = entry.title;
    const language = languageOf(`${entry.title ?? ''}${entry.text}`);
    if (language) draft.language = language;
    return draft;
  });
}

/** `zh` when Chinese characters dominate the text's start, `en` for Latin letters, else none. */
function languageOf(text: string): 'zh' | 'en' | undefined {
  const sample = text.slice(0, 2000);
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = sample.match(/[A-Za-z]/g)?.length ?? 0;
  if (han === 0 && latin === 0) return undefined;
  return han * 2 >= latin ? 'zh' : 'en';
}
