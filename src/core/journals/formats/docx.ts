/**
 * Word `.docx` diaries: mammoth extracts the paragraphs' text (never the HTML), then the text
 * parser reads the dates as for a `.txt`. The archive is inflated once through the capped unzip
 * first, so a zip bomb is refused before mammoth (which has no size limit) sees it.
 */
import { AppError } from '../../../shared/errors';
import { blocksFromParagraphs } from '../text/blocks';
import { unzipCapped, zipLimitsFor } from '../zip';
import type { JournalFormat } from './format';
import { entriesFromBlocks } from './textEntries';

/** The registry entry for Word documents. */
export const docxFormat: JournalFormat = {
  name: 'docx',
  detect: (file) => file.extension === 'docx',
  async parse(file, context) {
    const parts = unzipCapped(
      file.bytes,
      file.path,
      // The parts mammoth reads.
      (path) => path.endsWith('.xml') || path.endsWith('.rels'),
      zipLimitsFor(context.options.maxUnpackedBytes),
    );
    if (!parts.some((part) => part.path === 'word/document.xml')) {
      throw new AppError(
        'import_failed',
        `“${file.path}” is not a Word document (it has no word/document.xml).`,
      );
    }
    let text: string;
    try {
      const buffer = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      // Loaded on the first Word file only: mammoth and its XML and zip libraries are a large part
      // of what an import worker would otherwise load before every parse.
      const { default: mammoth } = await import('mammoth');
      text = (await mammoth.extractRawText({ buffer })).value;
    } catch (error) {
      const detail = error instanceof Error ? ` (${error.message})` : '';
      throw new AppError('import_failed', `“${file.path}” could not be read as a Word document${detail}.`);
    }
    // mammoth ends every paragraph with a blank line.
    const paragraphs = text.split(/\n\n/).map((paragraph) => ({ text: paragraph, heading: false }));
    return entriesFromBlocks(blocksFromParagraphs(paragraphs), file, context);
  },
};
