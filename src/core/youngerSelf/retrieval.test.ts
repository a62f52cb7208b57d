import { describe, expect, it } from 'vitest';
import { luxunTruth, pepysTruth } from '../journals/testCorpora';
import { dateHints } from './dateHints';
import { createPeriodEntryIndex } from './entryIndex';
import { anyWordMatch, retrieveEntries, type PeriodEntryIndex } from './retrieval';
import { journalLibrary } from './testing';

const PEPYS_1660 = { from: '1660-01-01', to: '1660-12-31' };

describe('date hints', () => {
  it('maps English and Chinese date words to days inside the period', () => {
    expect(dateHints("What happened on New Year's Day?", { period: PEPYS_1660 })).toEqual([
      { from: '1660-01-01', to: '1660-01-01' },
    ]);
    expect(dateHints('What did you do in March?', { period: PEPYS_1660 })).toEqual([
      { from: '1660-03-01', to: '1660-03-31' },
    ]);
    expect(dateHints('and that summer?', { period: PEPYS_1660 })).toEqual([
      { from: '1660-06-01', to: '1660-08-31' },
    ]);
    expect(dateHints('On 5 February 1660 and at Christmas', { period: PEPYS_1660 })).toEqual([
      { from: '1660-02-05', to: '1660-02-05' },
      { from: '1660-12-24', to: '1660-12-26' },
    ]);
    expect(dateHints('on my birthday', { period: PEPYS_1660, birthday: '02-23' })).toEqual([
      { from: '1660-02-23', to: '1660-02-23' },
    ]);
    const luxun = { from: '1912-05-05', to: '1912-12-31' };
    expect(dateHints('五月五日你到了哪里？', { period: luxun })).toEqual([
      { from: '1912-05-05', to: '1912-05-05' },
    ]);
    expect(dateHints('那年夏天呢？三月呢？', { period: luxun })).toEqual([
      { from: '1912-06-01', to: '1912-08-31' },
    ]);
    expect(dateHints('元旦', { period: { from: '1913-01-01', to: '1913-03-01' } })).toEqual([
      { from: '1913-01-01', to: '1913-01-01' },
    ]);
    // A day outside the period is no hint at all.
    expect(dateHints('On 1 January 1661', { period: PEPYS_1660 })).toEqual([]);
  });
});

describe('the FTS expression', () => {
  it('is any of the words, each quoted, so FTS syntax is just text', () => {
    expect(anyWordMatch('Lambert NEAR "Monk" OR fleet*')).toBe('"lambert" OR "near" OR "monk" OR "fleet"');
    expect(anyWordMatch('琉璃厂')).toBe('"琉 璃" OR "璃 厂"');
    expect(anyWordMatch('what did you do?')).toBeNull();
  });
});

describe('retrieval', () => {
  const pepys = () => journalLibrary(pepysTruth());

  it("brings the 1 January 1660 entry first for a question about New Year's Day", () => {
    const { ctx, journalId } = pepys();
    const found = retrieveEntries(createPeriodEntryIndex(ctx), {
      journalId,
      period: PEPYS_1660,
      message: "What happened on New Year's Day?",
    });
    expect(found[0]?.entry.date).toBe('1660-01-01');
    expect(found[0]?.entry.text).toContain('This morning (we living lately in the garret,)');
  });

  it('ranks by the words when no date is named', () => {
    const { ctx, journalId } = pepys();
    const found = retrieveEntries(createPeriodEntryIndex(ctx), {
      journalId,
      period: PEPYS_1660,
      message: 'Tell me about the turkey pie',
    });
    expect(
      found
        .slice(0, 3)
        .map((hit) => hit.entry.text)
        .join(' '),
    ).toMatch(/turkey.pie/i);
  });

  it('finds the right 鲁迅 day for a Chinese question', () => {
    const { ctx, journalId } = journalLibrary(luxunTruth([1912]));
    const index = createPeriodEntryIndex(ctx);
    const period = { from: '1912-05-01', to: '1912-12-31' };
    const byDate = retrieveEntries(index, { journalId, period, message: '五月五日那天你到了哪里？' });
    expect(byDate[0]?.entry.date).toBe('1912-05-05');
    const byWords = retrieveEntries(index, {
      journalId,
      period,
      message: '你在琉璃厂买的《纂喜庐丛书》多少钱？',
    });
    expect(byWords[0]?.entry.date).toBe('1912-05-12');
  });

  it('never returns an entry dated outside the period, even when it matches best', () => {
    const { ctx, journalId } = journalLibrary([
      ...pepysTruth(),
      {
        date: '1661-01-01',
        text: "New Year's Day 1661: the best match of all, new year, new year, new year.",
      },
      { date: null, text: "An undated note about New Year's Day and the new year." },
    ]);
    const found = retrieveEntries(createPeriodEntryIndex(ctx), {
      journalId,
      period: PEPYS_1660,
      message: "New Year's Day new year",
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((hit) => hit.entry.date! >= '1660-01-01' && hit.entry.date! <= '1660-12-31')).toBe(
      true,
    );
  });

  it('drops out-of-period and excluded entries even when the index returns them', () => {
    const { ctx, journalId } = journalLibrary(pepysTruth());
    const real = createPeriodEntryIndex(ctx);
    const leaky: PeriodEntryIndex = {
      ...real,
      search: (query) => [
        { entry: { id: 'x', date: '1661-01-01', title: null, text: 'new year', excluded: false }, rank: -99 },
        { entry: { id: 'y', date: '1660-01-01', title: null, text: 'new year', excluded: true }, rank: -98 },
        { entry: { id: 'z', date: null, title: null, text: 'new year', excluded: false }, rank: -97 },
        ...real.search(query),
      ],
    };
    const found = retrieveEntries(leaky, { journalId, period: PEPYS_1660, message: 'new year' });
    expect(found.map((hit) => hit.entry.id)).not.toContain('x');
    expect(found.map((hit) => hit.entry.id)).not.toContain('y');
    expect(found.map((hit) => hit.entry.id)).not.toContain('z');
    expect(found.length).toBeGreaterThan(0);
  });

  it('never sends an excluded entry', () => {
    const entries = pepysTruth();
    const { ctx, journalId, ids } = journalLibrary(
      entries.map((entry, i) => ({ ...entry, excluded: i === 0 })),
    );
    const found = retrieveEntries(createPeriodEntryIndex(ctx), {
      journalId,
      period: PEPYS_1660,
      message: "What happened on New Year's Day? the garret, my wife, the turkey",
    });
    expect(found.map((hit) => hit.entry.id)).not.toContain(ids[0]);
  });

  it('gives entries cited in the last answers a small boost', () => {
    const { ctx, journalId } = pepys();
    const index = createPeriodEntryIndex(ctx);
    const plain = retrieveEntries(index, { journalId, period: PEPYS_1660, message: 'Lambert' });
    const second = plain[1]!.entry.id;
    const boosted = retrieveEntries(index, {
      journalId,
      period: PEPYS_1660,
      message: 'Lambert',
      recentlyCited: [second],
    });
    expect(boosted.find((hit) => hit.entry.id === second)!.reasons).toContain('recent');
    expect(boosted.find((hit) => hit.entry.id === second)!.score).toBeGreaterThan(plain[1]!.score);
  });
});
