import type { Conversation } from '../../shared/schemas';

/** A sidebar section: fixed ones, or a calendar month (`month` is 0–11). */
export type GroupKey =
  | { kind: 'pinned' }
  | { kind: 'today' }
  | { kind: 'yesterday' }
  | { kind: 'week' }
  | { kind: 'month30' }
  | { kind: 'month'; year: number; month: number };

/** One row of the virtualized sidebar list: a section header or a conversation. */
export type SidebarRow =
  | { type: 'header'; key: string; group: GroupKey }
  | { type: 'conversation'; key: string; conversation: Conversation };

/** The local midnights where the dated sections start: today, yesterday, 7 and 30 days ago. */
interface Bounds {
  today: number;
  yesterday: number;
  week: number;
  month30: number;
}

// Local midnights, not `today - n * DAY_MS`, so daylight-saving days count as one day.
function boundsOf(now: Date): Bounds {
  const midnight = (daysAgo: number): number =>
    new Date(now.getFullYear(), now.getMonth(), now.getDate() - daysAgo).getTime();
  return { today: midnight(0), yesterday: midnight(1), week: midnight(7), month30: midnight(30) };
}

/** Which dated section a time falls in, relative to `now` (local calendar days). */
export function groupFor(time: number, now: Date, bounds: Bounds = boundsOf(now)): GroupKey {
  if (time >= bounds.today || Number.isNaN(time)) return { kind: 'today' };
  if (time >= bounds.yesterday) return { kind: 'yesterday' };
  if (time >= bounds.week) return { kind: 'week' };
  if (time >= bounds.month30) return { kind: 'month30' };
  const date = new Date(time);
  return { kind: 'month', year: date.getFullYear(), month: date.getMonth() };
}

function groupId(group: GroupKey): string {
  return group.kind === 'month' ? `month-${group.year}-${group.month}` : group.kind;
}

/**
 * Sorts conversations by latest activity (newest first) and cuts them into sections: Pinned,
 * Today, Yesterday, Previous 7 days, Previous 30 days, then one section per month. Each header
 * is a row of its own, so the list can be virtualized as one flat array.
 */
export function groupConversations(conversations: readonly Conversation[], now: Date): SidebarRow[] {
  const timed = conversations.map((conversation) => ({
    conversation,
    time: Date.parse(conversation.updatedAt),
  }));
  timed.sort((a, b) => (b.time || 0) - (a.time || 0));
  const rows: SidebarRow[] = [];
  const pinned = timed.filter((t) => t.conversation.pinned);
  if (pinned.length) {
    rows.push({ type: 'header', key: 'h-pinned', group: { kind: 'pinned' } });
    for (const { conversation } of pinned)
      rows.push({ type: 'conversation', key: conversation.id, conversation });
  }
  // Computed once, and a month's section reused while the (sorted) times stay in that month:
  // 10,000 conversations would otherwise build tens of thousands of Dates on every change.
  const bounds = boundsOf(now);
  let current = '';
  let month = { start: Infinity, end: -Infinity };
  for (const { conversation, time } of timed) {
    if (conversation.pinned) continue;
    if (Number.isNaN(time) || time < month.start || time >= month.end) {
      const group = groupFor(time, now, bounds);
      const id = groupId(group);
      month =
        group.kind === 'month'
          ? {
              start: new Date(group.year, group.month, 1).getTime(),
              end: Math.min(new Date(group.year, group.month + 1, 1).getTime(), bounds.month30),
            }
          : { start: Infinity, end: -Infinity };
      if (id !== current) {
        rows.push({ type: 'header', key: `h-${id}`, group });
        current = id;
      }
    }
    rows.push({ type: 'conversation', key: conversation.id, conversation });
  }
  return rows;
}

/** Sorts by latest activity, newest first, without sections (archive and Trash). */
export function flatRows(conversations: readonly Conversation[]): SidebarRow[] {
  return [...conversations]
    .sort((a, b) => (Date.parse(b.updatedAt) || 0) - (Date.parse(a.updatedAt) || 0))
    .map((conversation) => ({ type: 'conversation', key: conversation.id, conversation }));
}

/** The English-independent label of a section, given a translator and the UI language. */
export function groupLabel(group: GroupKey, t: (key: string) => string, language: string): string {
  if (group.kind === 'month') {
    return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long' }).format(
      new Date(group.year, group.month, 1),
    );
  }
  return t(`library:groups.${group.kind}`);
}
