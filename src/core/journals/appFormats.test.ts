import { strToU8, zipSync } from 'fflate';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJournalFiles } from './index';
import { JOURNALS_DIR, journalFolder, journalSample } from './testCorpora';

const pick = <T extends object>(entries: T[], keys: (keyof T)[]): Partial<T>[] =>
  entries.map((entry) => Object.fromEntries(keys.map((key) => [key, entry[key]])) as Partial<T>);

describe('Day One JSON', () => {
  it('reads the Automattic fixture: title, tags, uuid keys, raw HTML kept as text', async () => {
    const parsed = await parseJournalFiles([
      journalSample('day-one-to-wp-automattic/day-one-fictional/Fictional Journal.json'),
    ]);
    expect(parsed.format).toBe('dayOne');
    expect(pick(parsed.entries, ['date', 'time', 'timeZone', 'title', 'sourceKey'])).toEqual([
      {
        date: '2031-04-05',
        time: '14:30',
        timeZone: 'Etc/UTC',
        title: 'Lantern Garden Notes',
        sourceKey: 'dayOne:FICTIONAL-SAMPLE-ENTRY-0001',
      },
      {
        date: '2031-04-06',
        time: '09:15',
        timeZone: 'Etc/UTC',
        title: 'Library Robot Rehearsal',
        sourceKey: 'dayOne:FICTIONAL-SAMPLE-ENTRY-0002',
      },
      {
        date: '2031-04-07',
        time: '20:05',
        timeZone: 'Etc/UTC',
        title: undefined,
        sourceKey: 'dayOne:FICTIONAL-SAMPLE-ENTRY-0003',
      },
    ]);
    expect(parsed.entries[0]?.tags).toEqual(['fictional', 'sample', 'garden']);
    expect(parsed.entries[1]?.text).toContain('<script>makeBelieve()</script>');
  });

  it('shows each entry on the day and at the time of its own time zone', async () => {
    const parsed = await parseJournalFiles([
      journalSample('dayone2-textbundle-bsingr/DayOne2JSONExport/demo.json'),
    ]);
    // 2019-03-18T13:04:56Z in Europe/Berlin is 14:04.
    expect(parsed.entries[0]).toMatchObject({
      date: '2019-03-18',
      time: '14:04',
      timeZone: 'Europe/Berlin',
      title: 'Initial entry',
      text: 'some text',
    });
    // Day One's escapes are undone and its photo links dropped.
    expect(parsed.entries[2]?.text).toBe('double escape a/b dot. single escape slash/');
    expect(parsed.entries[3]).toMatchObject({ date: '2011-03-26', text: '' });
    expect(parsed.warnings.map((warning) => warning.code)).toContain('attachment_skipped');
  });

  it('reads the iOS fixture with its full metadata', async () => {
    const parsed = await parseJournalFiles([journalSample('dayone-to-obsidian-kulapard/journal.json')]);
    // 17:57 UTC on 21 April 2018 is 18:57 in London (BST).
    expect(parsed.entries).toEqual([
      expect.objectContaining({
        date: '2018-04-21',
        time: '18:57',
        timeZone: 'Europe/London',
        text: 'test text',
      }),
    ]);
  });

  it('reads the export zip (Journal.json and photos/)', async () => {
    const json = journalSample('day-one-to-wp-automattic/day-one-fictional/Fictional Journal.json');
    const zip = zipSync({
      'Journal.json': json.bytes,
      'photos/a36a701e0fe5e46e37fb460b40ccda7b.png': new Uint8Array([137, 80, 78, 71]),
    });
    const parsed = await parseJournalFiles([{ path: 'Export.zip', bytes: zip }]);
    expect(parsed.format).toBe('dayOne');
    expect(parsed.entries.map((entry) => entry.sourceFile)).toEqual(
      Array(3).fill('Export.zip › Journal.json'),
    );
    // The same entries from the zip and from the bare JSON get the same keys.
    const bare = await parseJournalFiles([json]);
    expect(parsed.entries.map((entry) => entry.sourceKey)).toEqual(
      bare.entries.map((entry) => entry.sourceKey),
    );
  });

  it('reads the export folder with its photos set aside', async () => {
    const parsed = await parseJournalFiles(journalFolder('dayone2-textbundle-bsingr/DayOne2JSONExport'));
    expect(parsed.entries).toHaveLength(4);
  });
});

describe('Day One Classic and Day One TXT', () => {
  it('reads .doentry plists in their own time zones (jrnl’s expectations)', async () => {
    const parsed = await parseJournalFiles(journalFolder('jrnl-org/dayone.dayone'));
    expect(parsed.format).toBe('dayOneClassic');
    const tagged = parsed.entries.find((entry) => entry.text === 'This entry has tags!');
    expect(tagged).toMatchObject({
      date: '2013-05-17',
      time: '11:39',
      timeZone: 'America/Los_Angeles',
      tags: ['work', 'PLaY'],
    });
  });

  it('skips the invalid plist of jrnl bug 153 and reads the other entry', async () => {
    const parsed = await parseJournalFiles(journalFolder('jrnl-org/bug153.dayone'));
    expect(pick(parsed.entries, ['date', 'time', 'text'])).toEqual([
      { date: '2013-10-27', time: '03:27', text: 'Some text.' },
    ]);
    expect(parsed.warnings).toContainEqual(expect.objectContaining({ code: 'file_skipped' }));
  });

  it('reads the Day One text export, leap day included', async () => {
    const parsed = await parseJournalFiles([journalSample('mini-diarium/dayone-sample.txt')]);
    expect(parsed.format).toBe('dayOneText');
    expect(pick(parsed.entries, ['date', 'title'])).toEqual([
      { date: '2024-01-15', title: 'Morning Reflections' },
      { date: '2024-01-16', title: 'Project Milestone' },
      { date: '2024-02-29', title: 'Leap Year Entry' },
    ]);
    expect(parsed.entries.map((entry) => entry.text).join('')).not.toContain('before the first date marker');
  });
});

describe('Journey', () => {
  it('reads the export zip: HTML to text, in the entry’s time zone', async () => {
    const parsed = await parseJournalFiles([
      journalSample('journey-markdown-converter-andi0b/journey-multiple-1.zip'),
    ]);
    expect(parsed.format).toBe('journey');
    expect(parsed.entries).toHaveLength(2);
    const first = parsed.entries.find(
      (entry) => entry.sourceKey === 'journey:1625494049547-4BbDhzcByTFSg6MW',
    );
    // 1625133600000 = 2021-07-01T10:00Z = 12:00 in Vienna.
    expect(first).toMatchObject({ date: '2021-07-01', time: '12:00', timeZone: 'Europe/Vienna' });
    expect(first?.text).toMatch(/^Test Entry\n\nbold italic bold-italic/);
    expect(first?.text).not.toMatch(/<\/?p|dir=/);
    expect(first?.sourceFile).toBe('journey-multiple-1.zip › 1625494049547-4BbDhzcByTFSg6MW.json');
  });
});

describe('Journey, one entry file', () => {
  it('reads a per-entry JSON on its own', async () => {
    const body = {
      id: '1700000000000-abc',
      date_journal: 1700000000000,
      timezone: 'Asia/Shanghai',
      text: '<p>今天<b>很好</b>。</p><script>alert(1)</script>',
      tags: ['家'],
      photos: [],
    };
    const parsed = await parseJournalFiles([
      { path: '1700000000000-abc.json', bytes: strToU8(JSON.stringify(body)) },
    ]);
    // 2023-11-14T22:13:20Z is 06:13 the next morning in Shanghai.
    expect(parsed.entries).toEqual([
      expect.objectContaining({
        date: '2023-11-15',
        time: '06:13',
        text: '今天很好。',
        tags: ['家'],
        language: 'zh',
      }),
    ]);
  });
});

describe('Evernote', () => {
  const enexFiles = (folder: string): string[] =>
    readdirSync(join(JOURNALS_DIR, folder), { recursive: true, encoding: 'utf8' }).filter((name) =>
      name.endsWith('.enex'),
    );

  it('imports every one of the 76 sample .enex files', async () => {
    const files = [
      ...enexFiles('obsidian-importer/evernote').map((name) => `obsidian-importer/evernote/${name}`),
      ...enexFiles('evernote2md-wormi4ok').map((name) => `evernote2md-wormi4ok/${name}`),
    ];
    expect(files).toHaveLength(76);
    for (const path of files) {
      const parsed = await parseJournalFiles([journalSample(path)]);
      expect(parsed.entries.length, path).toBeGreaterThan(0);
      for (const entry of parsed.entries) {
        expect(entry.date, path).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        expect(entry.text, path).not.toMatch(/<(div|span|en-note|br|p)\b/);
      }
    }
  });

  it('reads title, created, tags and the ENML as text', async () => {
    const parsed = await parseJournalFiles([journalSample('evernote2md-wormi4ok/export.enex')]);
    expect(parsed.entries).toEqual([
      expect.objectContaining({
        date: '2009-01-01',
        time: '10:10',
        title: 'Sample note',
        text: 'text in the note\nbold text',
        tags: ['tag1', 'tag2'],
      }),
    ]);
  });

  it('keeps the indentation of code blocks', async () => {
    const parsed = await parseJournalFiles([
      journalSample('obsidian-importer/evernote/code-block-indentation.enex'),
    ]);
    expect(parsed.entries[0]?.text).toBe(
      'def f(x):\n    if x:\n\n        return 1\n    return 0    # aligned',
    );
    expect(parsed.entries[1]?.text).toBe('def f(x):\n    if x:\n        return 1');
  });

  it('marks checklists and encrypted text instead of dropping them', async () => {
    const todo = await parseJournalFiles([
      journalSample('obsidian-importer/evernote/yarle/test-empty-en-todo.enex'),
    ]);
    expect(todo.entries[0]?.text).toContain('[x] Add view_post_X_for');
    const secret = await parseJournalFiles([
      journalSample('obsidian-importer/evernote/yarle/test-encryption.enex'),
    ]);
    expect(secret.entries[0]?.text).toContain('[encrypted text not imported]');
  });
});

describe('Apple Journal', () => {
  it('reads the pages: header date, title, body; the asset grid is not text', async () => {
    const parsed = await parseJournalFiles(journalFolder('obsidian-importer/apple-journal'));
    expect(parsed.format).toBe('appleJournal');
    expect(pick(parsed.entries, ['date', 'title', 'text'])).toEqual([
      { date: '2023-12-17', title: 'Complex Metadata Entry', text: 'Entry body text.' },
      { date: '2024-11-03', title: 'Youve Connected', text: 'Paragraph one.\n\nParagraph two.' },
    ]);
  });
});

describe('jrnl', () => {
  it('reads the plain-text journal: time, title, @tags', async () => {
    const parsed = await parseJournalFiles([journalSample('jrnl-org/basic_onefile.journal')]);
    expect(parsed.format).toBe('jrnlText');
    expect(pick(parsed.entries, ['date', 'time', 'title'])).toEqual([
      { date: '2020-08-29', time: '11:11', title: 'Entry the first.' },
      { date: '2020-08-31', time: '14:32', title: 'A second entry in what I hope to be a long series.' },
      { date: '2020-09-24', time: '09:14', title: 'The third entry finally after weeks without writing.' },
    ]);
    expect(parsed.entries[0]?.tags).toEqual(['ipsum', 'tagone', 'tagtwo']);
  });

  it('reads day-first dates and keeps entries whose date cannot be read, undated', async () => {
    const little = await parseJournalFiles([journalSample('jrnl-org/little_endian_dates.journal')]);
    expect(little.entries.map((entry) => entry.date)).toEqual(['2013-06-09', '2013-07-10']);
    const unreadable = await parseJournalFiles([journalSample('jrnl-org/unreadabledates.journal')]);
    expect(unreadable.undated).toBe(2);
    expect(unreadable.entries.map((entry) => entry.text)).toEqual([
      "I've lost track of time.",
      'Time has no meaning.',
    ]);
  });

  it('reads a folder journal and ignores the files not named by date', async () => {
    const parsed = await parseJournalFiles(journalFolder('jrnl-org/basic_folder'));
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2020-08-29', '2020-08-31', '2020-09-24']);
    expect(parsed.entries.map((entry) => entry.text).join('')).not.toContain('should be ignored');
    expect(parsed.warnings.filter((warning) => warning.code === 'file_skipped')).toHaveLength(3);
  });

  it('reads a folder journal dropped with Windows path separators', async () => {
    const files = journalFolder('jrnl-org/basic_folder').map((file) => ({
      ...file,
      path: file.path.replace(/\//g, '\\'),
    }));
    const parsed = await parseJournalFiles(files);
    expect(parsed.entries.map((entry) => entry.date)).toEqual(['2020-08-29', '2020-08-31', '2020-09-24']);
  });

  it('reads the JSON export', async () => {
    const parsed = await parseJournalFiles([journalSample('mini-diarium/jrnl-realistic.json')]);
    expect(parsed.format).toBe('jrnl');
    expect(parsed.entries).toHaveLength(6);
    expect(new Set(parsed.entries.map((entry) => entry.date)).size).toBe(6);
    const sample = await parseJournalFiles([journalSample('mini-diarium/jrnl-sample.json')]);
    expect(sample.entries[1]).toMatchObject({
      date: '2024-01-16',
      time: '14:00',
      title: 'Project Meeting',
      tags: ['work'],
    });
  });

  it('reads every jrnl sample journal', async () => {
    const names = readdirSync(join(JOURNALS_DIR, 'jrnl-org')).filter((name) => name.endsWith('.journal'));
    expect(names).toHaveLength(9);
    for (const name of names) {
      const parsed = await parseJournalFiles([journalSample(`jrnl-org/${name}`)]);
      expect(parsed.entries.length, name).toBeGreaterThan(0);
    }
  });
});

describe('Obsidian Tasks demo vault (template-only daily notes)', () => {
  it('keeps each daily note as an entry of its day', async () => {
    const parsed = await parseJournalFiles(journalFolder('obsidian-tasks-demo-vault/Tasks-Demo'));
    expect(parsed.entries.map((entry) => entry.date)).toEqual([
      '2025-06-17',
      '2025-06-18',
      '2025-06-19',
      '2025-06-20',
    ]);
  });
});
