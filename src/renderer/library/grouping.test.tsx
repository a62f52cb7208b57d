// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { groupConversations, groupFor, groupLabel, type SidebarRow } from './grouping';
import { makeConversation } from './testUtils';

// A fixed "now": Wednesday 15 October 2026, 14:30 local time.
const now = new Date(2026, 9, 15, 14, 30);
const at = (month: number, day: number, hour = 12): string => new Date(2026, month, day, hour).toISOString();

function describeRows(rows: SidebarRow[]): string[] {
  return rows.map((row) =>
    row.type === 'header'
      ? `# ${row.group.kind === 'month' ? `${row.group.year}-${row.group.month + 1}` : row.group.kind}`
      : row.conversation.id,
  );
}

describe('groupFor', () => {
  it('uses local calendar days', () => {
    expect(groupFor(new Date(2026, 9, 15, 0, 0, 1).getTime(), now).kind).toBe('today');
    expect(groupFor(new Date(2026, 9, 14, 23, 59).getTime(), now).kind).toBe('yesterday');
    expect(groupFor(new Date(2026, 9, 14, 0, 0).getTime(), now).kind).toBe('yesterday');
    expect(groupFor(new Date(2026, 9, 13, 23, 0).getTime(), now).kind).toBe('week');
    expect(groupFor(new Date(2026, 9, 8, 0, 0).getTime(), now).kind).toBe('week');
    expect(groupFor(new Date(2026, 9, 7, 23, 0).getTime(), now).kind).toBe('month30');
    expect(groupFor(new Date(2026, 8, 15, 0, 0).getTime(), now).kind).toBe('month30');
    expect(groupFor(new Date(2026, 8, 14, 23, 0).getTime(), now)).toEqual({
      kind: 'month',
      year: 2026,
      month: 8,
    });
  });

  it('puts future times (clock skew) in Today', () => {
    expect(groupFor(new Date(2026, 9, 20).getTime(), now).kind).toBe('today');
  });
});

describe('groupConversations', () => {
  it('sorts newest first, pinned on top, then dated sections and months', () => {
    const rows = groupConversations(
      [
        makeConversation('old', at(6, 3)),
        makeConversation('today-early', at(9, 15, 8)),
        makeConversation('pinned-old', at(0, 5), { pinned: true }),
        makeConversation('yesterday', at(9, 14)),
        makeConversation('today-late', at(9, 15, 13)),
        makeConversation('week', at(9, 10)),
        makeConversation('month30', at(8, 25)),
        makeConversation('august', at(7, 2)),
        makeConversation('pinned-new', at(9, 15, 9), { pinned: true }),
        makeConversation('last-year', new Date(2025, 11, 31).toISOString()),
      ],
      now,
    );
    expect(describeRows(rows)).toEqual([
      '# pinned',
      'pinned-new',
      'pinned-old',
      '# today',
      'today-late',
      'today-early',
      '# yesterday',
      'yesterday',
      '# week',
      'week',
      '# month30',
      'month30',
      '# 2026-8',
      'august',
      '# 2026-7',
      'old',
      '# 2025-12',
      'last-year',
    ]);
  });

  it('keeps a month together and starts the next one at its local midnight', () => {
    const rows = groupConversations(
      [
        makeConversation('aug-1-early', new Date(2026, 7, 1, 0, 10).toISOString()),
        makeConversation('jul-31-late', new Date(2026, 6, 31, 23, 30).toISOString()),
        makeConversation('aug-20', at(7, 20)),
        makeConversation('jul-2', at(6, 2)),
        makeConversation('jun-30', at(5, 30)),
      ],
      now,
    );
    expect(describeRows(rows)).toEqual([
      '# 2026-8',
      'aug-20',
      'aug-1-early',
      '# 2026-7',
      'jul-31-late',
      'jul-2',
      '# 2026-6',
      'jun-30',
    ]);
  });

  it('omits empty sections and has unique keys', () => {
    const rows = groupConversations([makeConversation('a', at(9, 1)), makeConversation('b', at(9, 2))], now);
    expect(describeRows(rows)).toEqual(['# month30', 'b', 'a']);
    expect(new Set(rows.map((r) => r.key)).size).toBe(rows.length);
  });

  it('groups 10,000 conversations quickly', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      makeConversation(`c${i}`, new Date(now.getTime() - i * 3_600_000).toISOString()),
    );
    const started = performance.now();
    const rows = groupConversations(many, now);
    expect(performance.now() - started).toBeLessThan(200);
    expect(rows.filter((r) => r.type === 'conversation')).toHaveLength(10_000);
  });
});

describe('groupLabel', () => {
  const t = (key: string): string => `t(${key})`;
  it('translates fixed sections and names months in the UI language', () => {
    expect(groupLabel({ kind: 'week' }, t, 'en')).toBe('t(library:groups.week)');
    expect(groupLabel({ kind: 'month', year: 2026, month: 9 }, t, 'en')).toBe('October 2026');
    expect(groupLabel({ kind: 'month', year: 2026, month: 9 }, t, 'zh-CN')).toBe('2026年10月');
  });
});
