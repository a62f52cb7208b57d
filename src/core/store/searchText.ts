import type { SnippetPart } from '../../shared/schemas';

/**
 * The text side of search: what is indexed, how a typed query becomes a safe FTS5 expression, and
 * how a snippet is cut from the original text. Pure functions, no database.
 */

// FTS5's unicode61 tokenizer reads a run of CJK characters as one token, so 学校 inside 我们的学校很大
// would never match. Each Han, Kana and Hangul character is spaced out into its own token instead,
// and a CJK query becomes a phrase of single characters.
const CJK_CLASS = '[\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}\\p{Script=Hangul}]';
const CJK = new RegExp(CJK_CLASS, 'u');
const CJK_EACH = new RegExp(CJK_CLASS, 'gu');
// The capture keeps the CJK runs in what `split` returns.
const CJK_RUN = new RegExp(`(${CJK_CLASS}+)`, 'u');
// What unicode61 keeps as token characters (letters, numbers, private use), plus combining marks so
// "é" typed as e + U+0301 stays one word.
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;

/** The text stored in the FTS index for a message or title. Registered as `penpal_search_text`. */
export function toSearchText(text: string): string {
  return text.replace(CJK_EACH, ' $& ');
}

/** One unit of a query: a Latin word, or a run of CJK characters (matched as a phrase). */
interface QueryTerm {
  /** Folded text: lower case, no diacritics. A CJK term has no spaces. */
  text: string;
  cjk: boolean;
  /** The last word, still being typed: matches any word that starts with it. */
  prefix: boolean;
}

/** Lower case without diacritics, the way unicode61 (remove_diacritics) compares words. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Splits what the user typed into terms; punctuation and FTS syntax are just separators. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const match of query.matchAll(WORD)) {
    // A word like "hello学校" is two terms: the Latin part and the CJK run.
    for (const piece of match[0].split(CJK_RUN)) {
      const text = fold(piece);
      if (text !== '') terms.push({ text, cjk: CJK.test(piece), prefix: false });
    }
  }
  const last = terms[terms.length - 1];
  // As you type, the last Latin word is unfinished; after a space it is a whole word.
  if (last && !last.cjk && !/\s$/u.test(query)) last.prefix = true;
  return terms;
}

/**
 * The FTS5 MATCH expression for the terms, or null when there is nothing to search. Every term is
 * a double-quoted string, so AND, OR, NEAR, `*`, `-` and `:` are searched for, never obeyed.
 */
export function toMatchExpression(terms: QueryTerm[]): string | null {
  if (terms.length === 0) return null;
  return terms
    .map((term) => {
      const body = term.cjk ? [...term.text].join(' ') : term.text;
      return `"${body.replaceAll('"', '""')}"${term.prefix ? ' *' : ''}`;
    })
    .join(' ');
}

/** Where each term occurs in the original text, as [start, end) ranges in order. */
function findMatches(text: string, terms: QueryTerm[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const cjkTerms = terms.filter((term) => term.cjk);
  const wordTerms = terms.filter((term) => !term.cjk);
  if (wordTerms.length > 0) {
    for (const word of text.matchAll(WORD)) {
      if (CJK.test(word[0])) continue;
      const folded = fold(word[0]);
      if (wordTerms.some((term) => (term.prefix ? folded.startsWith(term.text) : folded === term.text))) {
        ranges.push([word.index, word.index + word[0].length]);
      }
    }
  }
  if (cjkTerms.length > 0) {
    // CJK has no case or diacritics worth folding, so a plain substring search finds the phrase.
    for (const term of cjkTerms) {
      for (let at = text.indexOf(term.text); at !== -1; at = text.indexOf(term.text, at + term.text.length)) {
        ranges.push([at, at + term.text.length]);
      }
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Overlaps (a CJK phrase inside another) would duplicate text in the snippet.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const previous = merged[merged.length - 1];
    if (previous && range[0] < previous[1]) previous[1] = Math.max(previous[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

const BEFORE = 40;
const AFTER = 100;

/**
 * About 10–20 words (or ~140 CJK characters) around the first match, cut from the original text,
 * with the matched words marked. Falls back to the start of the text when nothing is found (the
 * index may have matched a form this simple matcher does not recognise).
 */
export function buildSnippet(original: string, terms: QueryTerm[]): SnippetPart[] {
  const text = original.replace(/\s+/g, ' ');
  const matches = findMatches(text, terms);
  const first = matches[0]?.[0] ?? 0;
  let start = Math.max(0, first - BEFORE);
  let end = Math.min(text.length, first + AFTER);
  start = snapForward(text, start, first);
  end = snapBack(text, end, matches[0]?.[1] ?? 0);
  const parts: SnippetPart[] = [];
  const push = (piece: string, match: boolean): void => {
    if (piece !== '') parts.push({ text: piece, match });
  };
  push(start > 0 ? '…' : '', false);
  let at = start;
  for (const [from, to] of matches) {
    if (to <= start || from >= end) continue;
    push(text.slice(at, Math.max(at, from)), false);
    push(text.slice(Math.max(at, from), Math.min(to, end)), true);
    at = Math.min(to, end);
  }
  push(text.slice(at, end), false);
  push(end < text.length ? '…' : '', false);
  return mergeAdjacent(parts);
}

// Cutting in the middle of a Latin word reads badly; move to the next space if one is near.
function snapForward(text: string, start: number, limit: number): number {
  if (start === 0 || !/\S/.test(text[start - 1]) || CJK.test(text[start])) return start;
  const space = text.indexOf(' ', start);
  return space !== -1 && space < limit && space - start < 15 ? space + 1 : start;
}

function snapBack(text: string, end: number, limit: number): number {
  if (end >= text.length || text[end] === ' ' || CJK.test(text[end - 1])) return end;
  const space = text.lastIndexOf(' ', end);
  return space > limit && end - space < 15 ? space : end;
}

function mergeAdjacent(parts: SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    const previous = merged[merged.length - 1];
    if (previous && previous.match === part.match) previous.text += part.text;
    else merged.push({ ...part });
  }
  return merged;
}
