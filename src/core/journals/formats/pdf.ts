/**
 * PDF diaries through the text layer pdfjs-dist extracts (its legacy build runs in Node without a
 * canvas; the worker runs in-thread, as we are already on the import worker). Lines are grouped
 * into paragraphs where the gap to the next line is clearly larger than the usual line spacing,
 * then the text parser reads the dates. A PDF with no text is a scan: said so, not guessed at.
 */
import { AppError } from '../../../shared/errors';
import type { TextBlock } from '../text/blocks';
import { isDateHeadingLine } from '../text/segment';
import type { JournalFormat } from './format';
import { entriesFromBlocks } from './textEntries';

interface PdfLine {
  text: string;
  y: number;
  page: number;
}

interface TextItemLike {
  str?: string;
  hasEOL?: boolean;
  transform?: number[];
}

/** The registry entry for PDFs with a text layer. */
export const pdfFormat: JournalFormat = {
  name: 'pdf',
  detect: (file) => file.extension === 'pdf' || startsWithPdfMagic(file.bytes),
  async parse(file, context) {
    const lines = await readLines(file.bytes, file.path);
    if (lines.every((line) => line.text.trim() === '')) {
      throw new AppError(
        'import_failed',
        `“${file.path}” looks scanned (it has no text layer); OCR is not supported. Export it as text, or run it through an OCR tool first.`,
      );
    }
    const opensEntry = (text: string): boolean => isDateHeadingLine(text, context.options.dateOrder);
    const entries = entriesFromBlocks(paragraphs(lines, opensEntry), file, context);
    return entries.map((entry) => ({ ...entry, text: unwrap(entry.text) }));
  },
};

function startsWithPdfMagic(bytes: Uint8Array): boolean {
  return bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;
}

async function readLines(bytes: Uint8Array, name: string): Promise<PdfLine[]> {
  const [pdfjs, worker] = await Promise.all([
    import('pdfjs-dist/legacy/build/pdf.mjs'),
    import('pdfjs-dist/legacy/build/pdf.worker.mjs'),
  ]);
  // pdfjs runs its "fake worker" in this thread when it finds the handler here; otherwise it
  // imports `./pdf.worker.mjs` by a path that a bundled build (electron-vite) does not have.
  const scope = globalThis as { pdfjsWorker?: unknown };
  scope.pdfjsWorker ??= worker;
  let document;
  try {
    // pdfjs takes ownership of (detaches) the buffer it is given: give it a copy.
    document = await pdfjs.getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/password/i.test(message)) {
      throw new AppError(
        'import_failed',
        `“${name}” is password-protected; open it and save a copy without a password.`,
      );
    }
    throw new AppError(
      'import_failed',
      `“${name}” could not be read as a PDF; it may be damaged (${message}).`,
    );
  }
  const lines: PdfLine[] = [];
  try {
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      let text = '';
      let y: number | null = null;
      for (const item of content.items as TextItemLike[]) {
        if (typeof item.str !== 'string') continue;
        if (y === null && item.str.trim() !== '') y = item.transform?.[5] ?? 0;
        text += item.str;
        if (item.hasEOL) {
          lines.push({ text, y: y ?? 0, page: number });
          text = '';
          y = null;
        }
      }
      if (text) lines.push({ text, y: y ?? 0, page: number });
      page.cleanup();
    }
  } finally {
    await document.destroy();
  }
  return lines.filter((line) => line.text.trim() !== '');
}

/** Joins lines into paragraphs by their spacing: a gap well above the usual one starts a new block. */
function paragraphs(lines: PdfLine[], opensEntry: (text: string) => boolean): TextBlock[] {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const previous = lines[index - 1] as PdfLine;
    const line = lines[index] as PdfLine;
    if (line.page === previous.page) gaps.push(Math.abs(previous.y - line.y));
  }
  const usual = median(gaps);
  const blocks: TextBlock[] = [];
  let current: string[] = [];
  lines.forEach((line, index) => {
    const previous = lines[index - 1];
    const gap = previous && previous.page === line.page ? Math.abs(previous.y - line.y) : usual;
    if (current.length > 0 && (gap > usual * 1.3 || opensEntry(line.text))) {
      blocks.push({ lines: current, heading: false });
      current = [];
    }
    current.push(line.text.trim());
  });
  if (current.length > 0) blocks.push({ lines: current, heading: false });
  return blocks;
}

/**
 * Joins a PDF's visual line breaks inside a paragraph: a space between words, nothing between
 * Chinese characters or after a hyphen. Blank lines (paragraph breaks) stay.
 */
function unwrap(text: string): string {
  return text.replace(/(.)\n(?=(.))/g, (_whole, before: string, after: string) =>
    (CJK.test(before) && CJK.test(after)) || before === '-' ? before : `${before} `,
  );
}

const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/;

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}
