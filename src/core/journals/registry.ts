/**
 * Every journal format, in the order they are asked whether they read a file: specific formats
 * (by extension or a JSON shape) before general ones, plain text last. A new format is one module
 * in `formats/` and one line here.
 */
import { appleJournalFormat } from './formats/appleJournal';
import { dailyNotesFormat } from './formats/dailyNotes';
import { dayOneFormat } from './formats/dayOne';
import { dayOneClassicFormat } from './formats/dayOneClassic';
import { dayOneTextFormat } from './formats/dayOneText';
import { diaryJsonFormat } from './formats/diaryJson';
import { docxFormat } from './formats/docx';
import { enexFormat } from './formats/enex';
import type { JournalFormat, LoadedFile } from './formats/format';
import { journeyFormat } from './formats/journey';
import { jrnlJsonFormat, jrnlTextFormat } from './formats/jrnl';
import { pdfFormat } from './formats/pdf';
import { plainTextFormat } from './formats/plainText';

/** The formats, most specific first. */
export const JOURNAL_FORMATS: readonly JournalFormat[] = [
  dayOneClassicFormat,
  enexFormat,
  appleJournalFormat,
  docxFormat,
  pdfFormat,
  dayOneFormat,
  journeyFormat,
  jrnlJsonFormat,
  diaryJsonFormat,
  dayOneTextFormat,
  jrnlTextFormat,
  dailyNotesFormat,
  plainTextFormat,
];

/** The registry names, for a dialog's "format" choice and the contract's enum. */
export const JOURNAL_FORMAT_NAMES = JOURNAL_FORMATS.map((format) => format.name);

/** The first format that reads the file (or the one `forced` names), or null. */
export function formatFor(
  file: LoadedFile,
  all: readonly LoadedFile[],
  forced?: string,
): JournalFormat | null {
  if (forced) return JOURNAL_FORMATS.find((format) => format.name === forced) ?? null;
  return JOURNAL_FORMATS.find((format) => format.detect(file, all)) ?? null;
}
