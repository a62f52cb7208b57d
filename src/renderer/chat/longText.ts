/**
 * Cutting a very long message (up to the 2,000,000 characters core keeps) into segments the
 * renderer shows one per frame: REVEAL_SEGMENTS of them at first, as many more per "Show more".
 * Each segment is rendered on its own (a markdown parse or a text layout of at most about
 * SEGMENT_CHARS), so opening, streaming and each "Show more" cost the same however long the text.
 */
import { openFence } from '../markdown/openFence';
import { scanBlocks } from '../markdown/splitBlocks';

/** About how many characters one segment holds: one frame's rendering work, well under a long task. */
export const SEGMENT_CHARS = 2_000;

/** A block up to this size stays whole in one segment; only a longer one is cut inside. */
export const MAX_SEGMENT_CHARS = 16_000;

/** Segments shown at first and added by each "Show more" (~20 KB: several screens). */
export const REVEAL_SEGMENTS = 10;

/** One segment: `text.slice(start, end)`, to be rendered after `prefix`. */
export interface Segment {
  start: number;
  end: number;
  /**
   * What the segment is rendered after: the opening line of a code fence that the previous
   * segment left open, so the rest of the code still shows as code. Never copied.
   */
  prefix: string;
}

const FENCE_LINE = /^ {0,3}(?:`{3,}|~{3,})[^\n]*\n/;

/** Moves a cut off the middle of a surrogate pair (an emoji or rare CJK character). */
function keepPairs(text: string, cut: number): number {
  const code = text.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff ? cut - 1 : cut;
}

/** The last line break (else space) in `head` past its middle, as a cut, else the whole head. */
function softCut(head: string): number {
  const newline = head.lastIndexOf('\n');
  if (newline > head.length / 2) return newline + 1;
  const space = head.lastIndexOf(' ');
  if (space > head.length / 2) return space + 1;
  return keepPairs(head, head.length);
}

/** Where a segment ends, and the fence line the next segment must reopen ("" if none). */
interface Cut {
  end: number;
  reopen: string;
}

/**
 * Where the segment starting at `start` (rendered after `prefix`) ends. Markdown is cut at a
 * block boundary when one lies past the segment's first quarter, else after the block there if it
 * ends within MAX_SEGMENT_CHARS, else inside it at a line break or a space;
 * plain text at a line break or a space. A segment that reaches the end of the text (still
 * growing while streaming) ends there.
 */
export function cutSegment(text: string, start: number, markdown: boolean, prefix = ''): Cut {
  if (text.length - start <= SEGMENT_CHARS) return { end: text.length, reopen: '' };
  const head = text.slice(start, start + SEGMENT_CHARS);
  if (!markdown) return { end: start + softCut(head), reopen: '' };
  // Scanned with the prefix, so code lines of a reopened fence are not taken for markdown.
  const source = prefix + head;
  const { openStart } = scanBlocks(source);
  const boundary = openStart - prefix.length;
  if (boundary > SEGMENT_CHARS / 4) return { end: start + boundary, reopen: '' };
  // A longer block (a code block, a long list) that ends within MAX_SEGMENT_CHARS stays whole.
  const wide = prefix + text.slice(start, start + MAX_SEGMENT_CHARS);
  const [block] = scanBlocks(wide, Math.max(0, openStart)).finished;
  if (block !== undefined && openStart + block.length - prefix.length > 0) {
    return { end: start + openStart + block.length - prefix.length, reopen: '' };
  }
  // One block longer than that: cut inside it, and reopen a code fence it leaves open.
  const cut = softCut(head);
  const part = source.slice(Math.max(0, openStart), prefix.length + cut);
  const fence = FENCE_LINE.exec(part);
  return { end: start + cut, reopen: fence && openFence(part) ? fence[0] : '' };
}

/**
 * The first `count` segments of `text` (fewer when the text ends sooner). The last one may end
 * at the text's end and grow with it while an answer streams. Costs O(count × SEGMENT_CHARS).
 */
export function segmentsOf(text: string, count: number, markdown: boolean): Segment[] {
  const segments: Segment[] = [];
  let start = 0;
  let prefix = '';
  while (segments.length < Math.max(1, count) && (start < text.length || segments.length === 0)) {
    const { end, reopen } = cutSegment(text, start, markdown, prefix);
    segments.push({ start, end, prefix });
    prefix = reopen;
    start = end;
  }
  return segments;
}
