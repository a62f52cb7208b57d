import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parsePairsCsv } from './csvPairs';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the CSV pairs importer', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks inside', () => {
    const csv =
      'question,answer\n' +
      '"How do I reset it, exactly?","Hold the button for 10 s.\nThen wait for the ""ready"" light."\n' +
      'Where is my order?,It ships tomorrow.\n';
    const { pairs, skipped } = parsePairsCsv(utf8(csv));
    expect(skipped).toEqual([]);
    expect(pairs).toEqual([
      {
        line: 2,
        question: 'How do I reset it, exactly?',
        answer: 'Hold the button for 10 s.\nThen wait for the "ready" light.',
        system: '',
      },
      // The previous record spans lines 2 and 3, so this one starts on line 4.
      { line: 4, question: 'Where is my order?', answer: 'It ships tomorrow.', system: '' },
    ]);
  });

  it('strips a UTF-8 byte-order mark so the header is still found', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('prompt,completion\r\nHi,Hello\r\n')]);
    expect(parsePairsCsv(bytes).pairs).toEqual([{ line: 2, question: 'Hi', answer: 'Hello', system: '' }]);
  });

  it('reads a GBK file (a Chinese Excel export) with Chinese headers', () => {
    const bytes = iconv.encode(
      '问题,回答\n退货要多久？,一般三到五个工作日。\n发票怎么开？,请在订单页面申请。\n',
      'gbk',
    );
    const { pairs } = parsePairsCsv(new Uint8Array(bytes));
    expect(pairs.map((pair) => [pair.question, pair.answer])).toEqual([
      ['退货要多久？', '一般三到五个工作日。'],
      ['发票怎么开？', '请在订单页面申请。'],
    ]);
  });

  it('takes the first two columns without a header, keeps an empty answer and skips a row with no question', () => {
    const { pairs, skipped } = parsePairsCsv(utf8('Hi,Hello\nNo answer here,\n,orphan answer\n'));
    expect(pairs).toEqual([
      { line: 1, question: 'Hi', answer: 'Hello', system: '' },
      { line: 2, question: 'No answer here', answer: '', system: '' },
    ]);
    expect(skipped).toEqual([{ line: 3, reason: 'no question' }]);
  });

  it('reads a system column and semicolon-separated files', () => {
    const { pairs } = parsePairsCsv(utf8('system;question;answer\nBe brief.;Hi;Hello\n'));
    expect(pairs).toEqual([{ line: 2, question: 'Hi', answer: 'Hello', system: 'Be brief.' }]);
  });
});
