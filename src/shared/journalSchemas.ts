import { z } from 'zod';
import { Id, IsoDate, SnippetPartSchema } from './schemas';

/**
 * Wire schemas of journals: imported diaries, their entries, the import preview and search. Every
 * enum is declared once here and imported by core and the renderer alike.
 */

/** A calendar day, `YYYY-MM-DD`. */
export const JournalDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A calendar month, `YYYY-MM`. */
export const JournalMonth = z.string().regex(/^\d{4}-\d{2}$/);

/** How all-number dates (`03/05/2009`) are read; `auto` prefers day-first only when the text proves it. */
export const DateOrderSchema = z.enum(['auto', 'ymd', 'dmy', 'mdy']);
export type DateOrder = z.infer<typeof DateOrderSchema>;

/** What an import is doing, for the progress bar. */
export const ImportPhaseSchema = z.enum(['reading', 'parsing', 'saving']);
export type ImportPhase = z.infer<typeof ImportPhaseSchema>;

const OwnerName = z.string().trim().min(1).max(200);
/** A birth year, so ages show beside entries. */
export const BirthYear = z.number().int().min(1000).max(2200);

/** One imported diary. */
export const JournalSchema = z.object({
  id: Id,
  name: z.string(),
  ownerName: z.string(),
  birthYear: z.number().int().nullable(),
  /** The parser's format name (`plainText`, `dayOne`, …). */
  format: z.string(),
  entryCount: z.number().int(),
  undatedCount: z.number().int(),
  firstDate: JournalDay.nullable(),
  lastDate: JournalDay.nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
});
export type Journal = z.infer<typeof JournalSchema>;

/** One saved entry. Text is plain text (never HTML). */
export const JournalEntrySchema = z.object({
  id: Id,
  journalId: Id,
  date: JournalDay.nullable(),
  time: z.string().nullable(),
  timeZone: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  tags: z.array(z.string()),
  sourceFile: z.string(),
  language: z.string().nullable(),
  /** Never sent to a model. */
  excluded: z.boolean(),
  /** The user changed its text or date. */
  edited: z.boolean(),
});
export type JournalEntry = z.infer<typeof JournalEntrySchema>;

/** Entries in one calendar month (the timeline). */
export const MonthCountSchema = z.object({ month: JournalMonth, count: z.number().int() });
export type MonthCount = z.infer<typeof MonthCountSchema>;

/** Why a warning was given, for its translated sentence (`count` and `value` fill it in). */
export const JournalWarningReasonSchema = z.enum([
  'front_matter',
  'back_matter',
  'before_date_line',
  'not_named_by_date',
  'unreadable',
  'undated',
  'weekday',
  'encoding',
  'media',
]);
export type JournalWarningReason = z.infer<typeof JournalWarningReasonSchema>;

/** A warning of the parser, shown in the preview: `detail` in English, `reason` for the translation. */
export const JournalWarningSchema = z.object({
  code: z.string(),
  file: z.string(),
  detail: z.string(),
  reason: JournalWarningReasonSchema.optional(),
  /** The number the sentence names (characters, entries, attachments). */
  count: z.number().optional(),
  /** The word the sentence names (an encoding, a date, the reason a file could not be read). */
  value: z.string().optional(),
});

/** A sample or undated entry in the preview (text cut short). */
export const PreviewEntrySchema = z.object({
  date: JournalDay.nullable(),
  title: z.string().nullable(),
  text: z.string(),
  sourceFile: z.string(),
});

/** What the preview shows before anything is saved; the parsed entries stay in main under `token`. */
export const JournalPreviewSchema = z.object({
  token: Id,
  format: z.string(),
  entryCount: z.number().int(),
  undatedCount: z.number().int(),
  firstDate: JournalDay.nullable(),
  lastDate: JournalDay.nullable(),
  months: z.array(MonthCountSchema),
  samples: z.array(PreviewEntrySchema),
  undated: z.array(PreviewEntrySchema),
  warnings: z.array(JournalWarningSchema),
  dateOrder: DateOrderSchema,
  /** A name for the journal guessed from the files. */
  suggestedName: z.string(),
  /** How many files were read. */
  fileCount: z.number().int(),
  /** Entries already saved in a journal of the same source (a re-import adds only the others). */
  alreadySaved: z.number().int(),
});
export type JournalPreview = z.infer<typeof JournalPreviewSchema>;

/** What `journal.save` takes besides the token. */
export const JournalSaveInputSchema = z
  .object({
    token: Id,
    name: z.string().trim().min(1).max(200),
    ownerName: OwnerName,
    birthYear: BirthYear.nullable(),
  })
  .strict();

/** A search hit inside a journal. */
export const EntryHitSchema = z.object({
  entry: JournalEntrySchema,
  snippet: z.array(SnippetPartSchema),
});
export type EntryHit = z.infer<typeof EntryHitSchema>;
