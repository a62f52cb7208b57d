/**
 * Text as blocks: paragraphs (lines between blank lines) and headings. The segmenter looks for a
 * date only at the start of a block, so a wrapped line that happens to begin with "1687." or
 * "May" inside a paragraph never opens an entry.
 */

/** A paragraph or a heading. */
export interface TextBlock {
  /** The block's lines, trimmed at the end, without Markdown heading marks on a heading. */
  lines: string[];
  /** A Markdown heading, a Word heading, or a PDF line set apart: a month or year alone counts here. */
  heading: boolean;
}

const MARKDOWN_HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;

/** Normalises line endings (CRLF, CR) and drops a leading byte-order mark. */
export function normaliseNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Splits plain text or Markdown into blocks; a Markdown heading is a block of its own. */
export function blocksFromText(text: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  let lines: string[] = [];
  let inFence = false;
  const flush = (): void => {
    if (lines.length > 0) blocks.push({ lines, heading: false });
    lines = [];
  };
  for (const raw of normaliseNewlines(text).split('\n')) {
    const line = raw.trimEnd();
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : MARKDOWN_HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ lines: [heading[1] as string], heading: true });
    } else if (line.trim() === '' && !inFence) {
      flush();
    } else {
      lines.push(line);
    }
  }
  flush();
  return blocks;
}

/** One block per paragraph, for sources that already know their paragraphs (Word). */
export function blocksFromParagraphs(paragraphs: { text: string; heading: boolean }[]): TextBlock[] {
  return paragraphs
    .map((paragraph) => ({
      lines: normaliseNewlines(paragraph.text)
        .split('\n')
        .map((line) => line.trimEnd()),
      heading: paragraph.heading,
    }))
    .filter((block) => block.lines.some((line) => line.trim() !== ''));
}

/** Project Gutenberg's licence header and footer, which are never diary text. */
export function stripGutenberg(text: string): { text: string; removed: number } {
  let start = 0;
  let end = text.length;
  const starts = [
    /^\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG[^\n]*$/im,
    /^\*END\*?\s*THE SMALL PRINT[^\n]*$/im,
  ];
  for (const pattern of starts) {
    const match = pattern.exec(text);
    if (match) start = Math.max(start, match.index + match[0].length);
  }
  const ends = [
    /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/im,
    /^\s*End of (?:the )?Project Gutenberg/im,
  ];
  for (const pattern of ends) {
    const match = pattern.exec(text.slice(start));
    if (match) end = Math.min(end, start + match.index);
  }
  return { text: text.slice(start, end), removed: text.length - (end - start) };
}
