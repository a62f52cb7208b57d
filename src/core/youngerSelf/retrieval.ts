import { parseQuery } from '../store/searchText';
import { dateHints, type DayRange, type HintContext } from './dateHints';

/**
 * Which diary entries a younger-self turn sends: those most relevant to what was just said, from
 * the chosen period only. Three signals are merged: the full-text rank (FTS5 bm25, any of the
 * words), date hints ("on New Year's Day" → every 1 January of the period), and recency in the
 * conversation (entries cited in the last answers get a small boost, so a follow-up question keeps
 * its subject). The period boundary is enforced by the index (SQL) and checked again here.
 */

/** An entry as retrieval sees it. */
export interface PeriodEntry {
  id: string;
  /** `YYYY-MM-DD`; undated entries are never in a period. */
  date: string | null;
  title: string | null;
  text: string;
  excluded: boolean;
}

/** Where retrieval reads entries from (the journal store; tests may pass another). */
export interface PeriodEntryIndex {
  /** Entries matching the FTS expression, best first, with their bm25 rank (lower is better). */
  search(query: { journalId: string; period: DayRange; match: string; limit: number }): {
    entry: PeriodEntry;
    rank: number;
  }[];
  /** Entries dated inside any of the ranges (all inside the period), oldest first. */
  inRanges(query: { journalId: string; period: DayRange; ranges: DayRange[]; limit: number }): PeriodEntry[];
  /** Entries by id (those cited before). */
  byIds(journalId: string, ids: string[]): PeriodEntry[];
}

/** What one turn asks for. */
export interface RetrievalQuery extends HintContext {
  journalId: string;
  /** What was just said (the user's message). */
  message: string;
  /** Entry ids cited in the last answers, newest first. */
  recentlyCited?: string[];
  /** At most this many entries (the builder trims further to the budget). */
  limit?: number;
  /** Entries close to the message in meaning (embeddings, when the conversation uses them). */
  semantic?: readonly { entry: PeriodEntry; similarity: number }[];
}

/** An entry chosen for a turn, with why. */
export interface RetrievedEntry {
  entry: PeriodEntry;
  score: number;
  reasons: ('text' | 'date' | 'recent' | 'meaning')[];
}

const STOPWORDS = new Set(
  (
    'a an the and or but of to in on at by for with from as is was were be been am are it its this that ' +
    'these those i me my you your he she his her we our they them their what which who whom when where why ' +
    'how did do does done have has had not no so if then than there here about into over after before ' +
    'tell happened happen remember day days any some all can could would should will just very really'
  ).split(' '),
);

/**
 * The FTS5 expression for a message: any of its words (OR), each quoted so FTS syntax in the
 * text is only text; a CJK run becomes its two-character phrases (each character is a token in the
 * index), or the character alone. Null when nothing is left to search for.
 */
export function anyWordMatch(message: string): string | null {
  const quoted = new Set<string>();
  for (const term of parseQuery(message)) {
    if (term.cjk) {
      const chars = [...term.text];
      if (chars.length === 1) quoted.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i++) quoted.add(`${chars[i]} ${chars[i + 1]}`);
    } else if (term.text.length > 1 && !STOPWORDS.has(term.text) && !/^\d+$/.test(term.text)) {
      quoted.add(term.text);
    }
  }
  if (quoted.size === 0) return null;
  return [...quoted]
    .slice(0, 64)
    .map((body) => `"${body.replaceAll('"', '""')}"`)
    .join(' OR ');
}

/** Whether an entry may be sent for this period: dated inside it and not excluded. */
export function insidePeriod(entry: PeriodEntry, period: DayRange): boolean {
  return !entry.excluded && entry.date !== null && entry.date >= period.from && entry.date <= period.to;
}

// A date the user named is the strongest signal; a narrow range (one day) more than a month.
const DATE_WEIGHT = 1.5;
const RECENT_WEIGHT = 0.15;
// Meaning counts about as much as the words: it finds what the words miss (other words, other
// spellings), and the two agree on the best hits.
const MEANING_WEIGHT = 1;
/** Neighbours in meaning under this share of the nearest one are noise, not recall. */
const MIN_MEANING_SHARE = 0.75;
/** Hits scoring under this share of the best one are left out. */
const MIN_SHARE_OF_BEST = 0.2;

/** The entries for a turn, best first. */
export function retrieveEntries(index: PeriodEntryIndex, query: RetrievalQuery): RetrievedEntry[] {
  const { period, journalId } = query;
  const limit = query.limit ?? 12;
  const found = new Map<string, RetrievedEntry>();
  const note = (entry: PeriodEntry, score: number, reason: RetrievedEntry['reasons'][number]) => {
    // Defence in depth: whatever the index returned, nothing outside the period goes further.
    if (!insidePeriod(entry, period)) return;
    const known = found.get(entry.id);
    if (known) {
      known.score += score;
      if (!known.reasons.includes(reason)) known.reasons.push(reason);
    } else {
      found.set(entry.id, { entry, score, reasons: [reason] });
    }
  };

  const match = anyWordMatch(query.message);
  if (match) {
    const hits = index.search({ journalId, period, match, limit: limit * 4 });
    // bm25 is negative, lower is better; scaled to (0, 1] against the best hit.
    const best = Math.min(-1e-9, ...hits.map((hit) => hit.rank));
    for (const hit of hits) note(hit.entry, hit.rank / best, 'text');
  }

  const ranges = dateHints(query.message, query);
  if (ranges.length > 0) {
    const days = (range: DayRange) =>
      (Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000 + 1;
    const dated = index.inRanges({ journalId, period, ranges, limit: limit * 8 });
    for (const entry of dated) {
      const narrowest = Math.min(
        ...ranges.filter((r) => entry.date! >= r.from && entry.date! <= r.to).map(days),
      );
      // One day: the full weight; a month: about a third; a season: less, so words decide there.
      note(entry, DATE_WEIGHT / Math.sqrt(Number.isFinite(narrowest) ? narrowest : 90), 'date');
    }
  }

  const semantic = (query.semantic ?? []).filter((hit) => hit.similarity > 0);
  const nearest = Math.max(0, ...semantic.map((hit) => hit.similarity));
  for (const hit of semantic.slice(0, limit * 2)) {
    if (hit.similarity < nearest * MIN_MEANING_SHARE) continue;
    note(hit.entry, (MEANING_WEIGHT * hit.similarity) / nearest, 'meaning');
  }
  const recent = (query.recentlyCited ?? []).slice(0, limit);
  if (recent.length > 0) {
    const byId = new Map(index.byIds(journalId, recent).map((entry) => [entry.id, entry]));
    recent.forEach((id, rank) => {
      const entry = byId.get(id);
      // Only entries the message also touches are boosted; the others would crowd it out.
      if (entry && found.has(id)) note(entry, RECENT_WEIGHT / (1 + rank * 0.25), 'recent');
    });
  }

  const ranked = [...found.values()].sort(
    (a, b) => b.score - a.score || (a.entry.date ?? '').localeCompare(b.entry.date ?? ''),
  );
  // Far weaker matches (one common word) would only dilute the excerpts and the Sources list.
  const floor = (ranked[0]?.score ?? 0) * MIN_SHARE_OF_BEST;
  return ranked.filter((hit) => hit.score >= floor).slice(0, limit);
}
