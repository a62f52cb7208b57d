/**
 * What every journal format module provides, and what it is given. A format is one file in this
 * folder; adding one means writing it and listing it in `../registry.ts`.
 */
import type { JournalParseOptions, JournalWarning } from '../types';

/** A file ready for formats to look at: bytes, and its text decoded once on first use. */
export interface LoadedFile {
  /** Shown in messages and kept as the entry's `sourceFile` (`export.zip › entries/a.json` inside a zip). */
  path: string;
  /** The lower-case extension without the dot (`md`, `json`, `docx`), or ''. */
  extension: string;
  bytes: Uint8Array;
  /** The decoded text (see `../encoding.ts`). */
  text(): string;
  /** The parsed JSON when the file is JSON, else undefined (parsed once, on first use). */
  json(): unknown;
}

/** An entry as a format finds it; `parseJournalFiles` adds the source key and the language. */
export interface FoundEntry {
  date: string | null;
  time?: string | null;
  timeZone?: string | null;
  title?: string;
  text: string;
  tags?: string[];
  /** The source's own id (Day One's uuid, Journey's id), which makes the stablest key. */
  id?: string;
}

/** What a format's parse is given besides the file. */
export interface ParseContext {
  options: Required<Pick<JournalParseOptions, 'dateOrder'>> & JournalParseOptions;
  warn(warning: JournalWarning): void;
}

/** One import format. */
export interface JournalFormat {
  /** The registry name, stable across versions (it is stored and shown). */
  name: string;
  /** Whether this format reads the file; `all` is every file of the import, for folder layouts. */
  detect(file: LoadedFile, all: readonly LoadedFile[]): boolean;
  /** The file's entries. Throws `AppError('import_failed')` with a human message when it cannot. */
  parse(file: LoadedFile, context: ParseContext): FoundEntry[] | Promise<FoundEntry[]>;
}
