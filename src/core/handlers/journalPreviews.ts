import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import type { DateOrder, JournalPreview, MonthCount } from '../../shared/journalSchemas';
import type { JournalJobInput, JournalJobResult } from '../importers/journalJob';
import type { JournalEntryDraft, JournalSourceFile } from '../journals/types';

/**
 * Previews waiting to be saved and uploads being received, kept in main (the renderer only ever
 * sees a summary and a token). Both are bounded: a few previews, and uploads up to a total size.
 */

/** A parsed import waiting for "Save journal". */
export interface PreviewSession {
  token: string;
  /** What to parse again for a re-preview: the uploaded files, or the dropped paths. */
  source: JournalJobInput;
  fileCount: number;
  entries: JournalEntryDraft[];
  format: string;
  dateOrder: DateOrder;
  /** Identifies the source, so a re-import finds the journal it made before. */
  sourceKey: string;
  suggestedName: string;
}

const MAX_PREVIEWS = 3;
/** The most bytes all uploads in progress may hold together. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;
const SAMPLE_COUNT = 5;
const UNDATED_SHOWN = 20;
const SAMPLE_CHARS = 400;

/** The first segment of each path: the dropped file or folder names. */
function topNames(paths: string[]): string[] {
  return [...new Set(paths.map((path) => path.split('/')[0]))].sort();
}

/** Sessions and uploads. */
export class JournalPreviews {
  private readonly previews = new Map<string, PreviewSession>();
  private readonly uploads = new Map<string, JournalSourceFile[]>();
  private uploadBytes = 0;

  /** Adds a batch to an upload (a new one without `uploadId`); the total is bounded. */
  addUpload(
    uploadId: string | undefined,
    files: JournalSourceFile[],
    maxFiles: number,
  ): { uploadId: string; fileCount: number } {
    const id = uploadId ?? randomUUID();
    const list = this.uploads.get(id) ?? (uploadId ? null : []);
    if (!list) throw new AppError('not_found', 'This upload has expired; drop the files again.');
    const bytes = files.reduce((sum, file) => sum + file.bytes.length, 0);
    if (this.uploadBytes + bytes > MAX_UPLOAD_BYTES || list.length + files.length > maxFiles) {
      this.dropUpload(id);
      throw new AppError(
        'import_failed',
        'These files are too many or too large to import at once; nothing was imported.',
      );
    }
    list.push(...files);
    this.uploadBytes += bytes;
    this.uploads.set(id, list);
    return { uploadId: id, fileCount: list.length };
  }

  /** Takes an upload's files out (the preview keeps them from now on). */
  takeUpload(uploadId: string): JournalSourceFile[] {
    const files = this.uploads.get(uploadId);
    if (!files) throw new AppError('not_found', 'This upload has expired; drop the files again.');
    this.dropUpload(uploadId);
    return files;
  }

  private dropUpload(uploadId: string): void {
    const files = this.uploads.get(uploadId);
    if (files) this.uploadBytes -= files.reduce((sum, file) => sum + file.bytes.length, 0);
    this.uploads.delete(uploadId);
  }

  /** Keeps a parsed import under a token (a repreview passes its old token). */
  keep(
    source: JournalJobInput,
    result: JournalJobResult,
    dateOrder: DateOrder,
    token: string = randomUUID(),
  ): PreviewSession {
    const names = topNames(result.fileNames);
    const session: PreviewSession = {
      token,
      source,
      fileCount: result.fileNames.length,
      entries: result.parsed.entries,
      format: result.parsed.format,
      dateOrder,
      sourceKey: `${result.parsed.format}:${names.join('|')}`,
      suggestedName: (names[0] ?? 'Journal').replace(/\.[a-z0-9]{1,8}$/i, ''),
    };
    this.previews.delete(token);
    this.previews.set(token, session);
    // The oldest previews go first: each holds its files and entries in memory.
    while (this.previews.size > MAX_PREVIEWS)
      this.previews.delete(this.previews.keys().next().value as string);
    return session;
  }

  get(token: string): PreviewSession {
    const session = this.previews.get(token);
    if (!session) throw new AppError('not_found', 'This preview has expired; import the files again.');
    return session;
  }

  discard(token: string): void {
    this.previews.delete(token);
  }
}

const cut = (text: string): string => (text.length > SAMPLE_CHARS ? `${text.slice(0, SAMPLE_CHARS)}…` : text);
const shown = (entry: JournalEntryDraft) => ({
  date: entry.date,
  title: entry.title || null,
  text: cut(entry.text),
  sourceFile: entry.sourceFile,
});

/** Entries per month, oldest first. */
export function monthCounts(entries: JournalEntryDraft[]): MonthCount[] {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    if (entry.date) counts.set(entry.date.slice(0, 7), (counts.get(entry.date.slice(0, 7)) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([month, count]) => ({ month, count }));
}

/** The summary the preview shows: counts, range, months, a few samples spread over the range. */
export function summarize(
  session: PreviewSession,
  warnings: JournalPreview['warnings'],
  alreadySaved: number,
): JournalPreview {
  const dated = session.entries.filter((entry) => entry.date).sort((a, b) => a.date!.localeCompare(b.date!));
  const undated = session.entries.filter((entry) => !entry.date);
  const step = Math.max(1, Math.floor(dated.length / SAMPLE_COUNT));
  const samples = dated.filter((_, index) => index % step === 0).slice(0, SAMPLE_COUNT);
  return {
    token: session.token,
    format: session.format,
    entryCount: session.entries.length,
    undatedCount: undated.length,
    firstDate: dated[0]?.date ?? null,
    lastDate: dated.at(-1)?.date ?? null,
    months: monthCounts(dated),
    samples: samples.map(shown),
    undated: undated.slice(0, UNDATED_SHOWN).map(shown),
    warnings: warnings.slice(0, 50),
    dateOrder: session.dateOrder,
    suggestedName: session.suggestedName,
    fileCount: session.fileCount,
    alreadySaved,
  };
}
