import { z } from 'zod';
import {
  DateOrderSchema,
  EntryHitSchema,
  ImportPhaseSchema,
  JournalDay,
  JournalEntrySchema,
  JournalPreviewSchema,
  JournalSaveInputSchema,
  JournalSchema,
  MonthCountSchema,
} from '../journalSchemas';
import { Id } from '../schemas';
import { Empty, Ok } from './common';

/** Files of one upload batch from the browser host: at most this many per request. */
export const JOURNAL_UPLOAD_BATCH_FILES = 200;
/** Base64 characters in one upload batch (≈ 24 MB of bytes), so one request stays small. */
export const JOURNAL_UPLOAD_BATCH_CHARS = 32_000_000;

const UploadFile = z.object({
  /** The path inside the dropped folder, or the file's name. */
  path: z.string().min(1).max(1000),
  base64: z.string().max(JOURNAL_UPLOAD_BATCH_CHARS),
});

/**
 * Journals: import (preview, then save), the library of journals and their entries. The parsed
 * entries of a preview stay in main under its token; only a summary crosses to the renderer.
 */
export const journalMethods = {
  /**
   * The browser host's way in: sends dropped files in batches (any number of batches, so a
   * 4,000-note vault imports); the first call omits `uploadId`. Then `journal.preview`.
   */
  'journal.upload': {
    input: z
      .object({
        uploadId: Id.optional(),
        files: z
          .array(UploadFile)
          .min(1)
          .max(JOURNAL_UPLOAD_BATCH_FILES)
          .refine(
            (files) => files.reduce((sum, file) => sum + file.base64.length, 0) <= JOURNAL_UPLOAD_BATCH_CHARS,
            {
              message: 'One upload batch is too large; send fewer files per request.',
            },
          ),
      })
      .strict(),
    output: z.object({ uploadId: Id, fileCount: z.number().int() }),
  },
  /** Parses an upload (on the import worker) into a preview; nothing is saved. */
  'journal.preview': {
    input: z.object({ uploadId: Id, dateOrder: DateOrderSchema.default('auto') }).strict(),
    output: JournalPreviewSchema,
  },
  /** The app's way in: main reads the dropped paths itself (folders walked, sizes checked first). */
  'journal.previewPaths': {
    input: z
      .object({
        paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000),
        dateOrder: DateOrderSchema.default('auto'),
      })
      .strict(),
    output: JournalPreviewSchema,
  },
  /** Parses the same files again with another date order (same token). */
  'journal.repreview': {
    input: z.object({ token: Id, dateOrder: DateOrderSchema }).strict(),
    output: JournalPreviewSchema,
  },
  /** Saves a preview in one transaction; a re-import of the same files adds only new entries. */
  'journal.save': {
    input: JournalSaveInputSchema,
    output: z.object({ journal: JournalSchema, added: z.number().int(), skipped: z.number().int() }),
  },
  /** Forgets a preview without saving. */
  'journal.discardPreview': { input: z.object({ token: Id }).strict(), output: Ok },
  'journal.list': { input: Empty, output: z.array(JournalSchema) },
  'journal.get': { input: z.object({ id: Id }).strict(), output: JournalSchema },
  /** Entries per month (the timeline). */
  'journal.months': { input: z.object({ id: Id }).strict(), output: z.array(MonthCountSchema) },
  /** Entries in a date range (inclusive), or the undated ones, by date; paged. */
  'journal.entries': {
    input: z
      .object({
        id: Id,
        from: JournalDay.optional(),
        to: JournalDay.optional(),
        undated: z.boolean().default(false),
        offset: z.number().int().min(0).default(0),
        limit: z.number().int().min(1).max(500).default(200),
      })
      .strict(),
    output: z.object({ entries: z.array(JournalEntrySchema), total: z.number().int() }),
  },
  'journal.searchEntries': {
    input: z
      .object({
        id: Id,
        query: z.string().max(500),
        from: JournalDay.optional(),
        to: JournalDay.optional(),
        limit: z.number().int().min(1).max(200).default(50),
      })
      .strict(),
    output: z.array(EntryHitSchema),
  },
  'journal.update': {
    input: z
      .object({
        id: Id,
        name: z.string().trim().min(1).max(200).optional(),
        ownerName: z.string().trim().min(1).max(200).optional(),
        birthYear: JournalSaveInputSchema.shape.birthYear.optional(),
      })
      .strict(),
    output: JournalSchema,
  },
  'journal.updateEntry': {
    input: z
      .object({
        id: Id,
        text: z.string().min(1).max(2_000_000).optional(),
        date: JournalDay.nullable().optional(),
      })
      .strict(),
    output: JournalEntrySchema,
  },
  /** An excluded entry is never sent to a model. */
  'journal.setExcluded': {
    input: z.object({ id: Id, excluded: z.boolean() }).strict(),
    output: JournalEntrySchema,
  },
  /** Soft delete; `journal.restore` undoes it. */
  'journal.delete': { input: z.object({ id: Id }).strict(), output: Ok },
  'journal.restore': { input: z.object({ id: Id }).strict(), output: JournalSchema },
} as const;

/** Journal events. */
export const journalEvents = {
  /** The list of journals or a journal's entries changed; refetch. */
  'journals.changed': z.object({ id: Id.nullable() }),
  /** Progress of the import running now. */
  'journal.importProgress': z.object({ phase: ImportPhaseSchema, done: z.number(), total: z.number() }),
} as const;
