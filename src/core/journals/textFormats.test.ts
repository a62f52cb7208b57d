import { describe, expect, it } from 'vitest';
import { dateAccuracy } from './accuracy';
import { parseJournalFiles } from './index';
import {
  journalFolder,
  journalSample,
  luxunBookLayout,
  luxunItems,
  luxunTruth,
  pepysTruth,
} from './testCorpora';
import { textFile } from './testHelpers';

const ACCURACY = 0.99;

describe('Pepys (Project Gutenberg, UTF-8 with BOM, CRLF)', () => {
  it('reads the whole diary, 1660–1669, and leaves out the licence and the preface', async () => {
    const parsed = await parseJournalFiles([journalSample('pepys-gutenberg-3331/pg3331.txt')]);
    expect(parsed.format).toBe('plainText');
    expect(parsed.entries.length).toBeGreaterThan(1800);
    expect(parsed.undated).toBe(0);
    expect(parsed.entries[0]?.date).toBe('1660-01-01');
    expect(parsed.entries[0]?.text).toMatch(/^JAN\. 1, 1659-60 \(Lord's day\)\. {2}This morning/);
    expect(parsed.entries.at(-1)?.date).toBe('1669-05-31');
    expect(parsed.entries.at(-1)?.text).toContain('the good God prepare me!');
    const all = parsed.entries.map((entry) => entry.text).join('\n');
    expect(all).not.toMatch(/SMALL PRINT|PREFACE TO THE PRESENT EDITION|End of The Project Gutenberg/);
    expect(all).not.toContain('\r');
    expect(parsed.warnings.map((warning) => warning.code)).toContain('front_matter_skipped');
    // The renderer translates the note from its reason and count, not from the English detail.
    const front = parsed.warnings.find((warning) => warning.reason === 'front_matter');
    expect(front?.count).toBeGreaterThan(1000);
    expect(front?.detail).toContain(`${front?.count?.toLocaleString('en')} characters before`);
    // The scanning slip "1Oth." is the 10th.
    expect(parsed.entries.find((entry) => entry.text.startsWith('1Oth.'))?.date).toBe('1660-01-10');
    expect(dateAccuracy(parsed.entries, pepysTruth()).share).toBe(1);
  });

  it.each([
    ['derived-pepys-1660-q1/pepys_1660_jan-mar.md', 'plainText'],
    ['derived-pepys-1660-q1/pepys_1660_jan-mar.docx', 'docx'],
    ['derived-pepys-1660-q1/pepys_1660_jan-mar.pdf', 'pdf'],
  ])('%s: every true entry gets its date', async (path, format) => {
    const parsed = await parseJournalFiles([journalSample(path)]);
    expect(parsed.format).toBe(format);
    expect(parsed.entries[0]).toMatchObject({ date: '1660-01-01', language: 'en' });
    expect(parsed.entries.at(-1)?.date).toBe('1660-03-30');
    const accuracy = dateAccuracy(parsed.entries, pepysTruth());
    expect(accuracy.wrong).toEqual([]);
    expect(accuracy.share).toBeGreaterThanOrEqual(ACCURACY);
  });

  it('reads the PDF text layer as paragraphs, not wrapped lines', async () => {
    const parsed = await parseJournalFiles([journalSample('derived-pepys-1660-q1/pepys_1660_jan-mar.pdf')]);
    expect(parsed.entries).toHaveLength(68);
    expect(parsed.entries[1]?.text).toMatch(
      /^2nd\. Walked a great while in Westminster Hall, where I heard that Lambert was coming up to London/,
    );
  });

  it('reads the Obsidian daily-notes vault by file name, tags from the front matter', async () => {
    const parsed = await parseJournalFiles(journalFolder('derived-pepys-1660-q1/obsidian-vault'));
    expect(parsed.format).toBe('dailyNotes');
    expect(parsed.entries).toHaveLength(68);
    expect(parsed.entries[1]).toMatchObject({ date: '1660-01-02', tags: ['diary', 'pepys'] });
    // The front matter and the heading that repeats the date are not part of the text.
    expect(parsed.entries[1]?.text).toMatch(/^2nd\. {2}Walked a great while/);
    expect(dateAccuracy(parsed.entries, pepysTruth()).share).toBe(1);
  });
});

describe('鲁迅日记', () => {
  it.each([
    ['derived-luxun-1912-1914/luxun_diary_1912-1914_book-layout.txt', [1912, 1914], 604],
    ['derived-luxun-1912-1914/luxun_diary_1912-1914.md', [1912, 1914], 604],
    ['derived-luxun-1912-1914/luxun_diary_1912.docx', [1912], 236],
  ])('%s: at least 99 percent of entries get the right date', async (path, years, count) => {
    const parsed = await parseJournalFiles([journalSample(path)]);
    expect(parsed.entries).toHaveLength(count);
    expect(parsed.entries[0]).toMatchObject({ date: '1912-05-05', language: 'zh' });
    expect(parsed.entries[0]?.text).toMatch(/^五日[\s\u3000]上午十一时舟抵天津。/);
    const accuracy = dateAccuracy(parsed.entries, luxunTruth(years));
    expect(accuracy.share).toBeGreaterThanOrEqual(ACCURACY);
  });

  it('the book layout carries 1914 across the missing year 1913', async () => {
    const parsed = await parseJournalFiles([
      journalSample('derived-luxun-1912-1914/luxun_diary_1912-1914_book-layout.txt'),
    ]);
    const dates = parsed.entries.map((entry) => entry.date);
    expect(dates.at(-1)).toBe('1914-12-31');
    expect(dates).toContain('1914-01-01');
    expect(dates.some((date) => date?.startsWith('1913'))).toBe(false);
  });

  it('reads the whole JSON (7,461 entries) with its tags', async () => {
    const parsed = await parseJournalFiles([journalSample('luxun-diary-wikisource/luxun_common_diary.json')]);
    expect(parsed.format).toBe('diaryJson');
    expect(parsed.entries).toHaveLength(7461);
    expect(parsed.entries[0]).toMatchObject({ date: '1912-05-05', tags: ['壬子日记'] });
    expect(parsed.entries.at(-1)?.date).toBe('1936-10-17');
    // The source's one impossible date (1917-11-31) is kept, undated, not dropped or guessed.
    expect(parsed.undated).toBe(1);
    const truth = luxunItems().map((item) => ({ date: item.iso_date, text: item.content }));
    expect(dateAccuracy(parsed.entries, truth).share).toBeGreaterThanOrEqual(ACCURACY);
  });

  it('the whole diary laid out as the printed book is read with ≥ 99 % right dates', async () => {
    const parsed = await parseJournalFiles([textFile('鲁迅日记.txt', luxunBookLayout())]);
    const truth = luxunItems().map((item) => ({ date: item.iso_date, text: item.content }));
    const accuracy = dateAccuracy(parsed.entries, truth);
    expect(accuracy.share).toBeGreaterThanOrEqual(ACCURACY);
  });

  it('徐霞客游记: lunar dates keep the data set’s ISO guess', async () => {
    const parsed = await parseJournalFiles([
      journalSample('xuxiake-travel-diary-wikisource/xuxiake_travel_common_diary.json'),
    ]);
    expect(parsed.entries).toHaveLength(42);
    expect(parsed.entries[0]).toMatchObject({ date: '1613-03-30', tags: ['游天台山日记'] });
  });
});

describe('one Markdown file', () => {
  it('takes the rest of a dated heading as the title and keeps undated text out', async () => {
    const parsed = await parseJournalFiles([
      textFile(
        'diary.md',
        '# My diary\n\n## 2009-03-05 A good day\n\nWent to school.\n\n## 2009年3月6日 星期五\n\n下雨。\n',
      ),
    ]);
    expect(parsed.entries.map(({ date, title, text }) => ({ date, title, text }))).toEqual([
      { date: '2009-03-05', title: 'A good day', text: 'Went to school.' },
      { date: '2009-03-06', title: undefined, text: '下雨。' },
    ]);
  });

  it('gives the same source keys on a second import', async () => {
    const file = textFile('diary.md', '## 2009-03-05\n\nOne.\n\n## 2009-03-05\n\nTwo.\n');
    const first = await parseJournalFiles([file]);
    const second = await parseJournalFiles([file]);
    expect(first.entries.map((entry) => entry.sourceKey)).toEqual(
      second.entries.map((entry) => entry.sourceKey),
    );
    expect(new Set(first.entries.map((entry) => entry.sourceKey)).size).toBe(2);
  });
});

describe('dates the text leaves open', () => {
  it('takes the default year for year-less headings and checks weekdays', async () => {
    const parsed = await parseJournalFiles(
      [
        textFile(
          'diary.md',
          '## Thursday, March 5\n\nRain.\n\n## 三月六日 星期五\n\n晴。\n\n## 2009-03-07 Saturday\n\nOut.\n',
        ),
      ],
      { defaultYear: 2009 },
    );
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2009-03-05', '2009-03-06', '2009-03-07']);
  });

  it('warns when a full date names the wrong weekday, and keeps the date as written', async () => {
    const parsed = await parseJournalFiles([textFile('diary.txt', '2009年3月5日 星期一\n\n晴。\n')]);
    expect(parsed.entries[0]?.date).toBe('2009-03-05');
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'weekday_mismatch' }));
  });

  it('reads all-number dates by the chosen order', async () => {
    const file = textFile('diary.txt', '03/05/2009\n\nOne.\n\n04/05/2009\n\nTwo.\n');
    const monthFirst = await parseJournalFiles([file], { dateOrder: 'mdy' });
    expect(monthFirst.entries.map((entry) => entry.date)).toEqual(['2009-03-05', '2009-04-05']);
    const dayFirst = await parseJournalFiles([file], { dateOrder: 'dmy' });
    expect(dayFirst.entries.map((entry) => entry.date)).toEqual(['2009-05-03', '2009-05-04']);
  });
});

describe('daily notes named as Logseq and Chinese users name them', () => {
  it('reads journals/2024_01_05.md and 2024年1月6日.md, one entry each', async () => {
    const parsed = await parseJournalFiles([
      textFile('graph/journals/2024_01_05.md', '- Went skating\n- Rain later'),
      textFile('graph/journals/2024年1月6日.md', '今天下雪。'),
      textFile('graph/pages/Skating.md', 'A page, not a day.'),
    ]);
    expect(parsed.format).toBe('dailyNotes');
    expect(parsed.entries.map(({ date, text }) => ({ date, text }))).toEqual([
      { date: '2024-01-05', text: '- Went skating\n- Rain later' },
      { date: '2024-01-06', text: '今天下雪。' },
    ]);
    expect(parsed.warnings).toContainEqual(
      expect.objectContaining({ code: 'file_skipped', file: 'graph/pages/Skating.md' }),
    );
  });
});
