/** Blocks of text to entries, with the warnings every text-based format gives (txt, md, docx, pdf). */
import { AppError } from '../../../shared/errors';
import type { TextBlock } from '../text/blocks';
import { segmentBlocks } from '../text/segment';
import type { FoundEntry, LoadedFile, ParseContext } from './format';

/** The dated entries in `blocks`; throws when there is none (the file is then not a diary we can read). */
export function entriesFromBlocks(
  blocks: TextBlock[],
  file: LoadedFile,
  context: ParseContext,
  skippedBefore = 0,
): FoundEntry[] {
  const result = segmentBlocks(blocks, {
    dateOrder: context.options.dateOrder,
    defaultYear: context.options.defaultYear,
  });
  if (result.segments.length === 0) {
    throw new AppError(
      'import_failed',
      `No dated entries were found in “${file.path}”. Penpal looks for a date at the start of a heading or paragraph (2009-03-05, 5 March 2009, Jan. 1st, 1660, 2009年3月5日).`,
    );
  }
  const front = result.frontMatterChars + skippedBefore;
  if (front > 0) {
    context.warn({
      code: 'front_matter_skipped',
      file: file.path,
      detail: `${front.toLocaleString('en')} characters before the first dated entry (title, preface, licence) were left out.`,
      reason: 'front_matter',
      count: front,
    });
  }
  if (result.backMatterChars > 0) {
    context.warn({
      code: 'front_matter_skipped',
      file: file.path,
      detail: `${result.backMatterChars.toLocaleString('en')} characters after the last entry (notes, index, appendix) were left out.`,
      reason: 'back_matter',
      count: result.backMatterChars,
    });
  }
  const mismatches = result.segments.filter((segment) => segment.weekdayMismatch);
  if (mismatches.length > 0) {
    context.warn({
      code: 'weekday_mismatch',
      file: file.path,
      detail: `${mismatches.length} entries name a weekday their date does not fall on (first: ${mismatches[0]?.date}); the date was kept as written.`,
      reason: 'weekday',
      count: mismatches.length,
      value: mismatches[0]?.date ?? '',
    });
  }
  return result.segments.map((segment) => ({
    date: segment.date,
    time: segment.time ?? null,
    title: segment.title,
    text: segment.text,
  }));
}
