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
// "é" typed as e + U+0301 stays one word. The repeat is bounded: V8 runs an unbounded `+` over
// this class on letter + mark pairs with one backtrack entry per character, and ten million of
// them overflow the stack. `words` joins the adjacent pieces back into whole words.
const WORD_PIECE = /[\p{L}\p{N}\p{Co}\p{M}]{1,1000}/gu;

/** One word of a text and where it starts. */
interface Word {
  text: string;
  index: number;
}

/** The words of `text` in order, however long: adjacent bounded pieces make one word. */
function* words(text: string): Generator<Word> {
  let start = -1;
  let end = -1;
  for (const piece of text.matchAll(WORD_PIECE)) {
    if (piece.index === end) {
      end += piece[0].length;
      continue;
    }
    if (start !== -1) yield { text: text.slice(start, end), index: start };
    start = piece.index;
    end = start + piece[0].length;
  }
  if (start !== -1) yield { text: text.slice(start, end), index: start };
}

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

const ASCII = /^[\p{ASCII}]*$/u;

/** Lower case without diacritics, the way unicode61 (remove_diacritics) compares words. */
function fold(text: string): string {
  // Most words are plain ASCII, which has nothing to decompose: a snippet folds many of them.
  if (ASCII.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Splits what the user typed into terms; punctuation and FTS syntax are just separators. */
export function parseQuery(query: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  for (const word of words(query)) {
    // A word like "hello学校" is two terms: the Latin part and the CJK run.
    for (const piece of word.text.split(CJK_RUN)) {
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

/** Where each term occurs in the text, as [start, end) ranges in order. */
function findMatches(text: string, terms: QueryTerm[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const cjkTerms = terms.filter((term) => term.cjk);
  const wordTerms = terms.filter((term) => !term.cjk);
  if (wordTerms.length > 0) {
    for (const word of words(text)) {
      if (CJK.test(word.text)) continue;
      const folded = fold(word.text);
      if (wordTerms.some((term) => (term.prefix ? folded.startsWith(term.text) : folded === term.text))) {
        ranges.push([word.index, word.index + word.text.length]);
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
// Past this length only a stretch of the text around the first likely match is worked on.
const WINDOW = 2_000;

/**
 * About 10–20 words (or ~140 CJK characters) around the first match, cut from the original text,
 * with the matched words marked. Falls back to the start of the text when nothing is found (the
 * index may have matched a form this simple matcher does not recognise). A long message costs
 * what a short one does: only a window of it is scanned (see `likelyFirstMatch`).
 */
export function buildSnippet(original: string, terms: QueryTerm[]): SnippetPart[] {
  let from = 0;
  let to = original.length;
  if (original.length > 2 * WINDOW) {
    const around = likelyFirstMatch(original, terms);
    from = Math.max(0, around - WINDOW);
    to = Math.min(original.length, around + WINDOW);
    // Start after a space so a word cut in half at the window's edge cannot pass for a match.
    if (from > 0) {
      const space = original.slice(from, around).search(/\s/);
      if (space !== -1) from += space + 1;
    }
  }
  const text = original.slice(from, to).replace(/\s+/g, ' ');
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
  push(start > 0 || from > 0 ? '…' : '', false);
  let at = start;
  for (const [matchFrom, matchTo] of matches) {
    if (matchTo <= start || matchFrom >= end) continue;
    push(text.slice(at, Math.max(at, matchFrom)), false);
    push(text.slice(Math.max(at, matchFrom), Math.min(matchTo, end)), true);
    at = Math.min(matchTo, end);
  }
  push(text.slice(at, end), false);
  push(end < text.length || to < original.length ? '…' : '', false);
  return mergeAdjacent(parts);
}

/**
 * Where in a long text the first match probably is: the first place a term's letters appear
 * (ignoring case), found by the regex engine in one pass, 0 when none do. A word written with
 * accents the term lacks ("café" for "cafe") is missed here, and the snippet may then show the
 * start of the text: the index, not this, decides what matches.
 */
function likelyFirstMatch(text: string, terms: QueryTerm[]): number {
  let first = Number.POSITIVE_INFINITY;
  for (const term of terms) {
    const at = term.cjk
      ? text.indexOf(term.text)
      : text.search(new RegExp(term.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'iu'));
    if (at !== -1) first = Math.min(first, at);
  }
  return Number.isFinite(first) ? first : 0;
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
