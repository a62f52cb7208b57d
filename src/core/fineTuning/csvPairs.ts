import { parse } from 'csv-parse/sync';
import { decodeText } from '../journals/encoding';

/** A question and its answer, with the system prompt when the file has a column for it. */
export interface ImportedPair {
  /** The file's line where the row starts (1-based, the header counted). */
  line: number;
  question: string;
  answer: string;
  system: string;
}

/** A row the importer left out, and why. */
export interface SkippedRow {
  line: number;
  reason: string;
}

// Header names the columns are found by, in English and Chinese; without a header row the first
// column is the question and the second the answer.
const QUESTION = /^(question|prompt|user|input|q|问题|提问|用户)$/i;
const ANSWER = /^(answer|reply|response|completion|assistant|output|a|回答|答案|回复)$/i;
const SYSTEM = /^(system|system prompt|系统|系统提示)$/i;

/**
 * Reads question/answer pairs from a CSV file's bytes: any encoding the journals read (a BOM,
 * UTF-8, or GBK/GB18030 and Big5 as guessed by chardet), commas or semicolons or tabs, quoted
 * fields with commas, quotes and line breaks inside (csv-parse). A row with no question is left
 * out with a reason; a row with no answer is kept, so the data check can flag it.
 */
export function parsePairsCsv(bytes: Uint8Array): { pairs: ImportedPair[]; skipped: SkippedRow[] } {
  const { text } = decodeText(bytes);
  const rows = parse(text.replace(/^\uFEFF/, ''), {
    bom: true,
    delimiter: [',', ';', '\t'],
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  if (rows.length === 0) return { pairs: [], skipped: [] };
  const header = rows[0].record.map((cell) => cell.trim());
  const found = {
    question: header.findIndex((cell) => QUESTION.test(cell)),
    answer: header.findIndex((cell) => ANSWER.test(cell)),
    system: header.findIndex((cell) => SYSTEM.test(cell)),
  };
  const hasHeader = found.question >= 0 && found.answer >= 0;
  const columns = hasHeader ? found : { question: 0, answer: 1, system: -1 };
  const pairs: ImportedPair[] = [];
  const skipped: SkippedRow[] = [];
  let startLine = hasHeader ? rows[0].info.lines + 1 : 1;
  for (const { record, info } of hasHeader ? rows.slice(1) : rows) {
    const line = startLine;
    // `info.lines` is the line the record ends on: the next one starts after it.
    startLine = info.lines + 1;
    const cell = (index: number): string => (index >= 0 ? (record[index] ?? '').trim() : '');
    const question = cell(columns.question);
    if (!question) {
      skipped.push({ line, reason: 'no question' });
      continue;
    }
    pairs.push({ line, question, answer: cell(columns.answer), system: cell(columns.system) });
  }
  return { pairs, skipped };
}
