import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './encoding';
import { parseJournalFiles } from './index';
import { journalSample, luxunTruth } from './testCorpora';
import { dateAccuracy } from './accuracy';

const BOOK = 'derived-luxun-1912-1914/luxun_diary_1912-1914_book-layout.txt';
const book = new TextDecoder().decode(journalSample(BOOK).bytes);
/** What the text becomes after a trip through a legacy encoding (characters it lacks become `?`). */
const roundTrip = (text: string, encoding: string): string =>
  iconv.decode(iconv.encode(text, encoding), encoding);

describe('decodeText', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode('二〇〇九年三月五日\r\n晴。');
    expect(decodeText(bytes)).toMatchObject({
      text: '二〇〇九年三月五日\r\n晴。',
      encoding: 'utf-8',
      guessed: false,
    });
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeText(withBom).text).toBe('二〇〇九年三月五日\r\n晴。');
  });

  it.each([
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ])('reads %s with its BOM', (encoding, bom) => {
    const bytes = new Uint8Array([...bom, ...iconv.encode(book, encoding)]);
    expect(decodeText(bytes)).toMatchObject({ text: book, encoding });
  });

  it('reads GBK (as GB18030, its superset) without garbling', () => {
    const expected = roundTrip(book, 'gbk');
    const decoded = decodeText(iconv.encode(book, 'gbk'));
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.text).toBe(expected);
  });

  it('reads a short GB18030 diary line', () => {
    const line = '一九一二年五月五日　上午十一时舟抵天津。';
    expect(decodeText(iconv.encode(line, 'gb18030')).text).toBe(line);
  });

  it('reads Big5 (traditional characters) without garbling', () => {
    // The lines of the diary that Big5 can hold (it has no simplified characters).
    const traditional = book
      .split('\n')
      .filter((line) => roundTrip(line, 'big5') === line)
      .join('\n');
    expect(traditional.length).toBeGreaterThan(10_000);
    const decoded = decodeText(iconv.encode(traditional, 'big5'));
    expect(decoded.encoding).toBe('big5');
    expect(decoded.text).toBe(traditional);
  });
});

describe('a GBK-encoded diary with CRLF line endings', () => {
  it('imports with the same dates as the UTF-8 original', async () => {
    const gbk = iconv.encode(roundTrip(book, 'gbk').replace(/\n/g, '\r\n'), 'gbk');
    const parsed = await parseJournalFiles([{ path: '日记.txt', bytes: gbk }]);
    expect(parsed.entries).toHaveLength(604);
    expect(parsed.entries[0]?.text).toMatch(/^五日\u3000上午十一时舟抵天津。/);
    expect(parsed.entries.some((entry) => entry.text.includes('\r'))).toBe(false);
    expect(parsed.warnings.map((warning) => warning.code)).toContain('encoding_guessed');
    expect(dateAccuracy(parsed.entries, luxunTruth([1912, 1914])).share).toBeGreaterThanOrEqual(0.99);
  });

  it('a UTF-16 LE copy imports the same entries', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...iconv.encode(book, 'utf-16le')]);
    const parsed = await parseJournalFiles([{ path: '日记.txt', bytes }]);
    expect(parsed.entries).toHaveLength(604);
  });
});
