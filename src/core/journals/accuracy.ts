/**
 * Date accuracy against a corpus that carries its truth: the share of true entries the parse gave
 * the right date. Entries are paired by the start of their text (whitespace ignored), so an
 * entry the parser missed, merged or split counts as wrong, and an extra entry the truth lacks
 * (a day the truth's own maker merged into the previous one) is not held against it.
 */

/** An entry of a corpus with its known date. */
export interface TruthEntry {
  date: string | null;
  text: string;
}

/** The figure and the entries it found wrong. */
export interface AccuracyReport {
  right: number;
  total: number;
  /** right / total, 0–1. */
  share: number;
  wrong: { expected: string | null; got: string | null; text: string }[];
}

const KEY_LENGTH = 24;

function key(text: string): string {
  return text.replace(/[\s#*_\u3000]+/g, '').slice(0, KEY_LENGTH);
}

/** Compares parsed entries with the truth (see the file comment). */
export function dateAccuracy(parsed: readonly TruthEntry[], truth: readonly TruthEntry[]): AccuracyReport {
  const byKey = new Map<string, (string | null)[]>();
  for (const entry of parsed) {
    const dates = byKey.get(key(entry.text)) ?? [];
    dates.push(entry.date);
    byKey.set(key(entry.text), dates);
  }
  let right = 0;
  const wrong: AccuracyReport['wrong'] = [];
  for (const entry of truth) {
    const dates = byKey.get(key(entry.text));
    const index = dates ? dates.indexOf(entry.date) : -1;
    if (dates && index !== -1) {
      right++;
      dates.splice(index, 1);
    } else {
      wrong.push({ expected: entry.date, got: dates?.[0] ?? null, text: entry.text.slice(0, 60) });
    }
  }
  return { right, total: truth.length, share: truth.length === 0 ? 0 : right / truth.length, wrong };
}
