import { describe, expect, it } from 'vitest';
import { chineseNumber, dateFromPath, parseDate } from './dates/index';
import { blocksFromText } from './text/blocks';
import { segmentBlocks } from './text/segment';

describe('parseDate', () => {
  it.each([
    ['2009-03-05', '2009-03-05'],
    ['2009/3/5', '2009-03-05'],
    ['Jan. 1st, 1660', '1660-01-01'],
    ["JAN. 1, 1659-60 (Lord's day).", '1660-01-01'],
    ['FEBRUARY 1, 1660-61', '1661-02-01'],
    ['MARCH 1, 1667-8.', '1668-03-01'],
    ['1 January 1660', '1660-01-01'],
    ['Sunday, 17 December 2023', '2023-12-17'],
    ['15 January 2024', '2024-01-15'],
    ['2009年3月5日 星期四', '2009-03-05'],
    ['2009年03月05日', '2009-03-05'],
    ['一九一二年五月五日', '1912-05-05'],
    ['一九二〇年十二月三十一日', '1920-12-31'],
    ['一九〇九年正月廿三日', '1909-01-23'],
    ['一九三六年十月十七日', '1936-10-17'],
    ['二〇〇九年三月五日（星期四）', '2009-03-05'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text)).toBe(expected);
  });

  it('gives a year-less date the hinted year', () => {
    expect(parseDate('三月五日', { year: 2009 })).toBe('2009-03-05');
    expect(parseDate('March 5', { year: 2009 })).toBe('2009-03-05');
  });

  it('checks a year-less date against its weekday and moves to the nearest year that fits', () => {
    // 5 March 2009 was a Thursday; the nearest Monday 5 March is 2007's (2012's is further).
    expect(parseDate('Monday, March 5', { year: 2009 })).toBe('2007-03-05');
    expect(parseDate('Monday, March 5', { year: 2011 })).toBe('2012-03-05');
    expect(parseDate('Thursday, March 5', { year: 2009 })).toBe('2009-03-05');
    expect(parseDate('三月五日 星期一', { year: 2009 })).toBe('2007-03-05');
  });

  it('reads all-number dates by the chosen order', () => {
    expect(parseDate('03/05/2009', { dateOrder: 'mdy' })).toBe('2009-03-05');
    expect(parseDate('03/05/2009', { dateOrder: 'dmy' })).toBe('2009-05-03');
    // auto: a first number over 12 must be the day; dots are day-first.
    expect(parseDate('25/03/2009')).toBe('2009-03-25');
    expect(parseDate('09.06.2013')).toBe('2013-06-09');
  });

  it('refuses what is not a real day', () => {
    expect(parseDate('2009-02-30')).toBeNull();
    expect(parseDate('一九一七年十一月三十一日')).toBeNull();
    expect(parseDate('May I come in?')).toBeNull();
  });
});

describe('chineseNumber', () => {
  it.each([
    ['五', 5],
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['二十三', 23],
    ['廿三', 23],
    ['卅一', 31],
    ['一九一二', 1912],
    ['二〇〇九', 2009],
    ['二零零九', 2009],
    ['12', 12],
    ['１２', 12],
    ['二十伍', 25],
  ])('%s = %d', (text, value) => {
    expect(chineseNumber(text)).toBe(value);
  });
});

describe('dateFromPath', () => {
  it.each([
    ['Daily Notes/2009-03-05.md', '2009-03-05'],
    ['journal/20090305.txt', '2009-03-05'],
    ['2009_03_05.md', '2009-03-05'],
    ['日记/2009年3月5日.md', '2009-03-05'],
    ['basic_folder/2020/08/29.txt', '2020-08-29'],
    ['notes/ideas.md', null],
    ['2009-13-45.md', null],
  ])('%s → %s', (path, expected) => {
    expect(dateFromPath(path)).toBe(expected);
  });
});

describe('book layouts', () => {
  const dates = (text: string): string[] =>
    segmentBlocks(blocksFromText(text), { dateOrder: 'auto' }).segments.map((segment) => segment.date);

  it('carries the year and month headings down to entries that give only the day', () => {
    const text =
      '壬子日记（一九一二年）\n\n五月\n\n五日\u3000上午舟抵天津。\n\n六日\u3000上午移入山会邑馆。\n\n六月\n\n一日\u3000晴。';
    expect(dates(text)).toEqual(['1912-05-05', '1912-05-06', '1912-06-01']);
  });

  it('reads English day entries under a dated month opener and rolls into the next month', () => {
    const text =
      "DECEMBER 30, 1660.  At the office.\n\n31st.  Home.\n\n1st (Lord's day).  To church.\n\n2nd.  Up early.";
    expect(dates(text)).toEqual(['1660-12-30', '1660-12-31', '1661-01-01', '1661-01-02']);
  });

  it('keeps a day printed a little out of order in its month', () => {
    expect(dates('MAY 25, 1660.  Landed.\n\n28th.  Dined.\n\n27th.  Called up.')).toEqual([
      '1660-05-25',
      '1660-05-28',
      '1660-05-27',
    ]);
  });

  it('takes the year of an English year heading for the dates under it', () => {
    expect(dates('# 2009\n\n## March 5\n\nRain.\n\n## Monday, March 9\n\nSun.')).toEqual([
      '2009-03-05',
      '2009-03-09',
    ]);
  });

  it('fills in the year of a month-and-day date from the heading above', () => {
    expect(dates('# 2009年\n\n三月五日 星期四 晴。\n\n三月六日 阴。')).toEqual(['2009-03-05', '2009-03-06']);
  });

  it('leaves out front matter and back matter', () => {
    const result = segmentBlocks(
      blocksFromText('PREFACE\n\nThe diary begins.\n\n## 2009-03-05\n\nA day.\n\nNOTES\n\n1. A note.'),
      { dateOrder: 'auto' },
    );
    expect(result.segments).toEqual([{ date: '2009-03-05', text: 'A day.' }]);
    expect(result.frontMatterChars).toBeGreaterThan(0);
    expect(result.backMatterChars).toBeGreaterThan(0);
  });
});
