/**
 * Splits markdown into top-level blocks so a streaming message can memoize every block but the
 * last. A boundary is only ever placed at a blank line outside fenced code (``` / ~~~) and `$$`
 * math, and only when the next line cannot continue the block (indented continuation, or the
 * next item of a loose list). Merging too much is always correct (the merged text is parsed as
 * one document); splitting too much is not, so every doubtful case merges.
 *
 * Known gap: reference-style link definitions (`[id]: https://…`) only apply inside their block.
 */

/** Past this size a list block is split at its next item anyway, to bound per-update cost. */
const MAX_LIST_BLOCK = 8 * 1024;

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const MATH_OPEN = /^ {0,3}(\${2,})([^$]*)$/;
const INDENTED_CODE = /^(?: {4}|\t)/;
const FOOTNOTE = /^ {0,3}\[\^[^\]]+\]:/;
const LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
/** An unfinished last line that may still grow into a list marker (`-`, `12`, `3.`). */
const MAYBE_LIST_ITEM = /^ {0,3}(?:[-*+]|\d{1,9}[.)]?)$/;

/** The result of a scan: the finished blocks and where the still-open last block starts. */
export interface ScanResult {
  /** Finished blocks, as text without the blank lines that separated them. */
  finished: string[];
  /** Offset where the open (last, possibly still growing) block starts. */
  openStart: number;
}

interface Fence {
  char: string;
  length: number;
}

/** Where an open construct that may hold blank lines (fence, math) closes. */
function closesFence(line: string, fence: Fence): boolean {
  const trimmed = line.trimEnd();
  const start = trimmed.length - trimmed.trimStart().length;
  if (start > 3) return false;
  const run = trimmed.slice(start);
  return run.length >= fence.length && [...run].every((char) => char === fence.char);
}

/** The fence or math block a line opens, if any. */
function opensFence(line: string): Fence | null {
  const fence = FENCE_OPEN.exec(line);
  // A backtick fence's info string may not contain a backtick (CommonMark §4.5).
  if (fence && !(fence[1][0] === '`' && fence[2].includes('`'))) {
    return { char: fence[1][0], length: fence[1].length };
  }
  // `$$x$$` on one line is inline math in a paragraph, not a math block (remark-math).
  const math = MATH_OPEN.exec(line);
  return math ? { char: '$', length: math[1].length } : null;
}

/**
 * A copy of `text` that shares no memory with the string it was cut from. V8 makes `slice` of a
 * long string a view into its parent ("sliced string"), so a finished block cut from the answer as
 * it was then would keep that whole intermediate answer alive: one copy of the text per finished
 * block, tens of MB for a 100 KB answer. Prepending a character builds a rope that `slice` must
 * flatten into a fresh string first; the view it returns is of that fresh copy (one extra char).
 * No API copies a string outright, hence this.
 */
export function detachString(text: string): string {
  return (' ' + text).slice(1);
}

type Decision = 'continue' | 'new' | 'undecided';

/** What the lines of the current block say about what may continue it after a blank line. */
interface BlockShape {
  /** It holds a list item (or footnote), so an indented line or the next item continues it. */
  hasList: boolean;
  /** Its last line is indented code, which an indented line after a blank line continues. */
  takesIndented: boolean;
  size: number;
}

/** After blank lines: does `line` continue the current block, start a new one, or is it too early to say? */
function decide(line: string, complete: boolean, shape: BlockShape): Decision {
  if (line.trim() === '') return complete ? 'continue' : 'undecided';
  const indented = line[0] === ' ' || line[0] === '\t';
  if (indented && (shape.hasList || shape.takesIndented)) return 'continue';
  if (!shape.hasList) return 'new';
  if (LIST_ITEM.test(line)) return shape.size > MAX_LIST_BLOCK ? 'new' : 'continue';
  return !complete && MAYBE_LIST_ITEM.test(line) ? 'undecided' : 'new';
}

/**
 * Scans `text` from `from` (which must be a block start) and returns the blocks that are certainly
 * finished plus the start of the open one. Costs O(text.length - from).
 */
export function scanBlocks(text: string, from = 0): ScanResult {
  const finished: string[] = [];
  let blockStart = -1;
  let contentEnd = from; // End of the block's last non-blank line.
  let fence: Fence | null = null;
  let sawBlank = false;
  let shape: BlockShape = { hasList: false, takesIndented: false, size: 0 };
  let pos = from;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const complete = newline !== -1;
    const lineEnd = complete ? newline : text.length;
    const line = text.slice(pos, lineEnd).replace(/\r$/, '');
    const next = lineEnd + 1;
    if (blockStart === -1) {
      if (line.trim() === '') {
        if (!complete) break;
        pos = next;
        continue;
      }
      blockStart = pos;
    } else if (fence) {
      // An unfinished last line could still grow past a closing fence ("```" → "```js").
      if (complete && closesFence(line, fence)) fence = null;
      contentEnd = lineEnd;
      pos = next;
      continue;
    } else if (line.trim() === '' && complete) {
      sawBlank = true;
      pos = next;
      continue;
    } else if (sawBlank) {
      shape.size = contentEnd - blockStart;
      const decision = decide(line, complete, shape);
      if (decision === 'undecided') break;
      if (decision === 'new') {
        finished.push(detachString(text.slice(blockStart, contentEnd).replace(/\r$/, '')));
        blockStart = pos;
        shape = { hasList: false, takesIndented: false, size: 0 };
      }
      sawBlank = false;
    }
    fence = opensFence(line);
    if (LIST_ITEM.test(line)) shape.hasList = true;
    // A footnote definition takes indented continuations like a list item does.
    if (pos === blockStart && FOOTNOTE.test(line)) shape.hasList = true;
    shape.takesIndented = INDENTED_CODE.test(line);
    contentEnd = lineEnd;
    pos = next;
  }
  return { finished, openStart: blockStart === -1 ? Math.min(pos, text.length) : blockStart };
}

/** Splits a whole text into blocks (finished blocks plus the open last block, if any). */
export function splitBlocks(text: string): string[] {
  const { finished, openStart } = scanBlocks(text);
  const open = text.slice(openStart);
  return open.trim() === '' ? finished : [...finished, open];
}

/** The blocks of one version of a growing text. */
export interface BlockSnapshot {
  /** Finished blocks. Append-only within one `generation`; a new array whenever it grows. */
  finished: readonly string[];
  /** The open last block (may be empty). */
  open: string;
  /** Changes whenever the text was replaced rather than appended to. */
  generation: number;
}

/**
 * Splits a text that grows by appending, rescanning only the open last block on each update.
 * Replacing the text with one that does not extend the previous one starts a new generation.
 */
export class BlockSplitter {
  private text = '';
  private snapshot: BlockSnapshot = { finished: [], open: '', generation: 0 };
  private openStart = 0;

  /** Returns the blocks of `text`, reusing the work done for its previous, shorter version. */
  update(text: string): BlockSnapshot {
    if (text === this.text) return this.snapshot;
    // The first read of a string built by `+=` makes V8 flatten (copy) it: ~0.15 ms at 100 KB,
    // paid by any reader. The prefix compare on the flat string adds almost nothing (measured).
    const appended = text.length >= this.text.length && text.startsWith(this.text);
    const generation = appended ? this.snapshot.generation : this.snapshot.generation + 1;
    const from = appended ? this.openStart : 0;
    const previous = appended ? this.snapshot.finished : [];
    const scan = scanBlocks(text, from);
    const finished = scan.finished.length ? [...previous, ...scan.finished] : previous;
    this.text = text;
    this.openStart = scan.openStart;
    this.snapshot = { finished, open: text.slice(scan.openStart), generation };
    return this.snapshot;
  }
}
