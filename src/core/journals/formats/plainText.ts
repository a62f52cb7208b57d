/**
 * Plain-text and Markdown diaries in one file: entries open at dated headings or paragraphs, in
 * any of the date forms of `../dates` (including a printed book's year → month → day layout).
 * Project Gutenberg's licence is cut before anything else is read.
 */
import { blocksFromText, stripGutenberg } from '../text/blocks';
import type { JournalFormat } from './format';
import { entriesFromBlocks } from './textEntries';

const TEXT_EXTENSIONS = new Set(['txt', 'text', 'md', 'markdown', 'mdown', 'org', '']);

/** The registry entry for one-file text and Markdown diaries. */
export const plainTextFormat: JournalFormat = {
  name: 'plainText',
  detect: (file) => TEXT_EXTENSIONS.has(file.extension),
  parse(file, context) {
    const { text, removed } = stripGutenberg(file.text());
    return entriesFromBlocks(blocksFromText(text), file, context, removed);
  },
};
