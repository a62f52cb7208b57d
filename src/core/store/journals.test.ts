import { describe, expect, it } from 'vitest';
import type { JournalEntryDraft } from '../journals/types';
import { memoryStore, steppingClock } from './testing/fixtures';

const draft = (date: string | null, text: string, key: string): JournalEntryDraft => ({
  date,
  text,
  tags: [],
  sourceFile: 'diary.txt',
  sourceKey: key,
});

const ENTRIES = [
  draft('1912-05-05', '上午到北京，住山会邑馆。我们的学校很大，操场上有一只猫。', 'k1'),
  draft('1912-05-06', '晴。赴教育部。', 'k2'),
  draft('1912-06-01', 'Went to the office by water, and so home to dinner.', 'k3'),
  draft(null, 'A page without a date.', 'k4'),
];

function saved() {
  const store = memoryStore(steppingClock('2024-03-01T00:00:00.000Z'));
  const result = store.journals.save({
    name: '鲁迅日记',
    ownerName: '鲁迅',
    birthYear: 1881,
    sourceKey: 'files:luxun',
    format: 'plainText',
    entries: ENTRIES,
  });
  return { store, journal: result.journal, result };
}

describe('journal store', () => {
  it('saves a journal with its counts, range and months', () => {
    const { store, journal, result } = saved();
    expect(result.added).toBe(4);
    expect(journal).toMatchObject({
      ownerName: '鲁迅',
      birthYear: 1881,
      entryCount: 4,
      undatedCount: 1,
      firstDate: '1912-05-05',
      lastDate: '1912-06-01',
    });
    expect(store.journals.list().map((j) => j.id)).toEqual([journal.id]);
    expect(store.journals.months(journal.id)).toEqual([
      { month: '1912-05', count: 2 },
      { month: '1912-06', count: 1 },
    ]);
    const may = store.journals.entries(journal.id, { from: '1912-05-01', to: '1912-05-31' });
    expect(may.total).toBe(2);
    expect(may.entries.map((e) => e.date)).toEqual(['1912-05-05', '1912-05-06']);
    expect(store.journals.entries(journal.id, { undated: true }).entries[0].text).toBe(
      'A page without a date.',
    );
  });

  it('re-importing the same source adds no duplicates, only new entries', () => {
    const { store, journal } = saved();
    const again = store.journals.save({
      name: '鲁迅日记',
      ownerName: '鲁迅',
      birthYear: 1881,
      sourceKey: 'files:luxun',
      format: 'plainText',
      entries: [...ENTRIES, draft('1912-07-01', '新的一天。', 'k5')],
    });
    expect(again.journal.id).toBe(journal.id);
    expect(again.added).toBe(1);
    expect(again.skipped).toBe(4);
    expect(store.journals.get(journal.id)?.entryCount).toBe(5);
    expect(store.journals.countKnown('files:luxun', ['k1', 'k2', 'k9'])).toBe(2);
  });

  it('saves in one transaction: a failure part way leaves nothing', () => {
    const store = memoryStore();
    const broken = { ...draft('1912-05-05', 'x', 'k1'), text: null as unknown as string };
    expect(() =>
      store.journals.save({
        name: 'J',
        ownerName: 'O',
        birthYear: null,
        sourceKey: 's',
        format: 'plainText',
        entries: [draft('1912-05-04', 'fine', 'k0'), broken],
      }),
    ).toThrow();
    expect(store.journals.list()).toEqual([]);
  });

  it('finds one- and two-character Chinese words and English words', () => {
    const { store, journal } = saved();
    const dates = (query: string) => store.journals.search(journal.id, query).map((hit) => hit.entry.date);
    expect(dates('学校')).toEqual(['1912-05-05']);
    expect(dates('猫')).toEqual(['1912-05-05']);
    expect(dates('晴')).toEqual(['1912-05-06']);
    expect(dates('dinner')).toEqual(['1912-06-01']);
    expect(dates('学生')).toEqual([]);
    const hit = store.journals.search(journal.id, '学校')[0];
    expect(hit.snippet.some((part) => part.match && part.text === '学校')).toBe(true);
    expect(store.journals.search(journal.id, '猫', { from: '1912-06-01' })).toEqual([]);
  });

  it('edits text and date, and search follows the new text', () => {
    const { store, journal } = saved();
    const [entry] = store.journals.entries(journal.id, { from: '1912-05-06', to: '1912-05-06' }).entries;
    const edited = store.journals.updateEntry(entry.id, { text: '雨。在家读书。', date: '1912-05-07' });
    expect(edited).toMatchObject({ text: '雨。在家读书。', date: '1912-05-07', edited: true });
    expect(store.journals.search(journal.id, '晴')).toEqual([]);
    expect(store.journals.search(journal.id, '读书').map((hit) => hit.entry.id)).toEqual([entry.id]);
  });

  it('excluded entries are never retrieved for a model', () => {
    const { store, journal } = saved();
    const [hit] = store.journals.search(journal.id, '猫');
    store.journals.setExcluded(hit.entry.id, true);
    expect(store.journals.retrieve(journal.id, '猫')).toEqual([]);
    expect(store.journals.entriesBetween(journal.id, '1912-01-01', '1912-12-31').map((e) => e.date)).toEqual([
      '1912-05-06',
      '1912-06-01',
    ]);
    // The user still sees it (marked) in the journal's own search.
    expect(store.journals.search(journal.id, '猫')[0].entry.excluded).toBe(true);
  });

  it('deletes a journal softly and restores it', () => {
    const { store, journal } = saved();
    store.journals.delete(journal.id);
    expect(store.journals.list()).toEqual([]);
    expect(store.journals.get(journal.id)).toBeNull();
    expect(store.journals.search(journal.id, '猫')).toEqual([]);
    expect(store.journals.restore(journal.id).entryCount).toBe(4);
    expect(store.journals.list().map((j) => j.id)).toEqual([journal.id]);
  });
});
