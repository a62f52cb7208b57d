import type { JournalWarningReason } from '../../shared/journalSchemas';
/**
 * The journal importer's data shapes. Everything here is plain JSON so a draft can cross a
 * worker's `postMessage` or the contract unchanged.
 */

/** One file the user dropped: a single file, or one of many inside a dropped folder. */
export interface JournalSourceFile {
  /** The path inside the dropped folder (`Daily Notes/2024-01-05.md`), or the file's name. */
  path: string;
  bytes: Uint8Array;
}

/** How to read dates the text leaves ambiguous. */
export type DateOrder = 'auto' | 'ymd' | 'dmy' | 'mdy';

/** Choices the user (or the import dialog) can make before parsing. */
export interface JournalParseOptions {
  /** How to read all-number dates like `03/05/2009`; `auto` prefers day-first only when the text proves it. */
  dateOrder?: DateOrder;
  /** The year to give dates that name none (`Monday, March 5`, `三月五日`) before any heading names one. */
  defaultYear?: number;
  /** Largest single file accepted, in bytes; checked before a file is decoded. Default 64 MB. */
  maxFileBytes?: number;
  /** Largest total a zip (or a `.docx`) may unpack to, counted while inflating. Default 512 MB. */
  maxUnpackedBytes?: number;
  /** Force a format by its registry name instead of detecting it. */
  format?: string;
}

/** One dated (or undated) entry found in the files, before it is saved. */
export interface JournalEntryDraft {
  /** The calendar day the entry is for, in the writer's own time zone; null when none was found. */
  date: string | null;
  /** `HH:MM` when the source gives a time of day. */
  time?: string | null;
  /** An IANA zone (`Europe/Berlin`) when the source names one. */
  timeZone?: string | null;
  title?: string;
  /** Plain text (never HTML): paragraphs separated by blank lines. */
  text: string;
  tags: string[];
  /** Which dropped file it came from (for a zip: `export.zip › entries/x.json`). */
  sourceFile: string;
  /**
   * Stable identity: the same source entry always gets the same key, so importing the same files
   * again can skip what is already there.
   */
  sourceKey: string;
  /** Main language of the text when it is evident: `zh` or `en`. */
  language?: 'zh' | 'en';
}

/** Machine-readable reasons for a warning. */
export type JournalWarningCode =
  | 'front_matter_skipped'
  | 'file_skipped'
  | 'undated_entry'
  | 'weekday_mismatch'
  | 'encoding_guessed'
  | 'attachment_skipped';

/** Something the user should know about an otherwise successful import. */
export interface JournalWarning {
  code: JournalWarningCode;
  /** The file (path) it concerns. */
  file: string;
  /** Human words, e.g. "2,310 characters before the first dated entry (preface, licence) were left out." */
  detail: string;
  /** What the renderer translates `detail` from, with `count` and `value`. */
  reason: JournalWarningReason;
  count?: number;
  value?: string;
}

/** What `parseJournalFiles` returns. */
export interface ParsedJournal {
  /** The registry name of the format that read the files, e.g. `plainText`, `dayOne`. */
  format: string;
  entries: JournalEntryDraft[];
  /** How many of `entries` have `date: null`. */
  undated: number;
  warnings: JournalWarning[];
}
