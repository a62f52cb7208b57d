/**
 * Turns blocks of diary text into dated entries. A block that starts with a date opens an entry;
 * the blocks after it, up to the next date, are its text. Printed diaries are read as books are
 * laid out: a year heading (`壬子日记（一九一二年）`), a month heading (`五月`, or an opening
 * `JAN. 1, 1659-60`), then entries that give only the day (`五日\u3000上午…`, `2nd.`, `3rd (Lord's
 * day).`); a day smaller than the last one moves on to the next month. Text before the first
 * dated entry (title page, preface) and from a back-matter heading on (Notes, Index, 附录) is
 * left out and counted.
 */
import { daysInMonth, inferYear, isoDate, weekdayOf } from '../dates/calendar';
import { matchLineMarker, type LineMarker } from '../dates/index';
import type { DateOrder } from '../types';
import type { TextBlock } from './blocks';

/** One entry found in the text. */
export interface TextSegment {
  date: string;
  time?: string;
  /** The rest of a dated heading (`## 2009-03-05 A good day` → `A good day`). */
  title?: string;
  text: string;
  /** The text named a weekday the date does not fall on. */
  weekdayMismatch?: boolean;
  /** The day was written `十日` (see `repairDroppedOne`). */
  writtenTen?: boolean;
}

/** The entries, and how much text was not part of any. */
export interface SegmentResult {
  segments: TextSegment[];
  /** Characters before the first dated entry. */
  frontMatterChars: number;
  /** Characters from a back-matter heading on. */
  backMatterChars: number;
}

/** How to read the dates. */
export interface SegmentOptions {
  dateOrder: DateOrder;
  /** The year for dates that name none before any heading does. */
  defaultYear?: number;
}

const BACK_MATTER =
  /^(?:notes?|footnotes|endnotes|index|appendix|appendices|glossary|bibliography|afterword|后记|後記|附录|附錄|注释|註釋|跋)[.:：]?$/i;
// What may follow a date on a heading line without being a title: a weekday, the day's name in
// brackets, punctuation.
const HEADING_REST = /^[\s.,，。:：;；、—–-]*(?:[(（][^)）]{0,24}[)）])?[\s.,，。:：;；、—–-]*$/;

/** How far back a day alone may step and still be in the same month. */
const OUT_OF_ORDER_DAYS = 10;

interface Position {
  year?: number;
  month?: number;
  lastDay?: number;
}

/** Splits blocks into dated entries (see the file comment). */
export function segmentBlocks(blocks: TextBlock[], options: SegmentOptions): SegmentResult {
  const segments: TextSegment[] = [];
  const position: Position = { year: options.defaultYear };
  let current: (TextSegment & { body: string[] }) | null = null;
  let frontMatterChars = 0;
  let backMatterChars = 0;
  let inBackMatter = false;

  for (const block of blocks) {
    const blockText = block.lines.join('\n');
    if (inBackMatter) {
      backMatterChars += blockText.length;
      continue;
    }
    const first = stripEmphasis(block.lines[0] ?? '');
    const alone = block.heading || (block.lines.length === 1 && first.length <= 40);
    if (current && alone && BACK_MATTER.test(first)) {
      inBackMatter = true;
      backMatterChars += blockText.length;
      continue;
    }
    const marker = matchLineMarker(first, {
      dateOrder: options.dateOrder,
      referenceYear: position.year ?? new Date().getFullYear(),
      standalone: alone,
    });
    const found = marker ? resolve(marker, position) : null;
    if (found === 'context') continue;
    if (found && marker && 'length' in marker) {
      const rest = first.slice(marker.length);
      const isHeading = HEADING_REST.test(rest) || block.heading;
      const body = isHeading ? block.lines.slice(1).join('\n') : blockText;
      // `## 1660-01-02` then `2nd. Walked…`: the body repeats its heading's date; one entry.
      if (current && current.date === found.date && current.body.join('').trim() === '' && !block.heading) {
        current.body.push(blockText);
        continue;
      }
      if (current) segments.push(finish(current));
      const title =
        block.heading && !HEADING_REST.test(rest) ? rest.replace(/^[\s.,:：—–-]+/, '') : undefined;
      current = { date: found.date, body: body ? [body] : [], text: '' };
      if (title) current.title = title;
      if (marker.kind === 'date' && marker.time) current.time = marker.time;
      if (found.weekdayMismatch) current.weekdayMismatch = true;
      if (marker.language === 'zh' && WRITTEN_TEN.test(first.slice(0, marker.length)))
        current.writtenTen = true;
      continue;
    }
    if (current) current.body.push(blockText);
    else frontMatterChars += blockText.length;
  }
  if (current) segments.push(finish(current));
  return { segments: repairDroppedOne(segments), frontMatterChars, backMatterChars };
}

const WRITTEN_TEN = /(?<![一二三四五六七八九〇零0-9两])十\s*[日号號]/;

/**
 * Transcriptions of Chinese diaries sometimes lose the 一 of 十一日, so a month shows 十日 two or
 * three times and never 十一日 (the Wikisource 鲁迅日记 of 1914–1920 does this 85 times). In
 * such a month the first 十日 is the 10th and the later ones are the 11th.
 */
function repairDroppedOne(segments: TextSegment[]): TextSegment[] {
  const months = new Map<string, TextSegment[]>();
  for (const segment of segments) {
    const month = segment.date.slice(0, 7);
    months.set(month, [...(months.get(month) ?? []), segment]);
  }
  for (const [month, inMonth] of months) {
    const tens = inMonth.filter((segment) => segment.writtenTen && segment.date.endsWith('-10'));
    const hasEleventh = inMonth.some((segment) => segment.date.endsWith('-11'));
    if (tens.length < 2 || hasEleventh) continue;
    for (const segment of tens.slice(1)) segment.date = `${month}-11`;
  }
  for (const segment of segments) delete segment.writtenTen;
  return segments;
}

/**
 * Whether a line is a date and nothing else (`1 January 1660`, `2009年3月5日 星期四`): such a
 * line opens an entry even where the layout gave no paragraph break (a PDF page's first line).
 */
export function isDateHeadingLine(line: string, dateOrder: DateOrder): boolean {
  const text = stripEmphasis(line);
  const marker = matchLineMarker(text, { dateOrder, referenceYear: 2000, standalone: true });
  return marker?.kind === 'date' && HEADING_REST.test(text.slice(marker.length));
}

function finish(segment: TextSegment & { body: string[] }): TextSegment {
  const { body, ...rest } = segment;
  return { ...rest, text: body.join('\n\n').trim() };
}

/** Markdown emphasis around a date line (`**1 January 1660**`) hides nothing. */
function stripEmphasis(line: string): string {
  return line.trim().replace(/^[*_]{1,3}(.+?)[*_]{1,3}(?=\s|$)/, '$1');
}

/**
 * Moves the position to what the marker says. Returns the entry's date, `'context'` for a year or
 * month heading, or null when a day alone has no month to belong to (then it is just text).
 */
function resolve(
  marker: LineMarker,
  position: Position,
): { date: string; weekdayMismatch: boolean } | 'context' | null {
  if (marker.kind === 'year') {
    Object.assign(position, { year: marker.year, month: undefined, lastDay: undefined });
    return 'context';
  }
  if (marker.kind === 'month') {
    let year = marker.year ?? position.year;
    if (marker.year === undefined && year !== undefined && position.month && marker.month < position.month)
      year++;
    Object.assign(position, { year, month: marker.month, lastDay: undefined });
    return 'context';
  }
  if (marker.kind === 'dayOnly') {
    if (position.year === undefined || position.month === undefined) return null;
    let { year, month } = position;
    // A day well before the last one (31st, then 2nd) starts the next month; a day or a few back
    // is an entry the book prints out of order (Pepys's 28th before his 27th).
    if (position.lastDay !== undefined && marker.day < position.lastDay - OUT_OF_ORDER_DAYS) {
      month++;
      if (month > 12) [year, month] = [year + 1, 1];
    }
    if (marker.day > daysInMonth(year, month)) return null;
    Object.assign(position, { year, month, lastDay: marker.day });
    const date = isoDate(year, month, marker.day);
    return date ? { date, weekdayMismatch: false } : null;
  }
  let year = marker.year;
  let weekdayMismatch = false;
  if (year === undefined) {
    let near = position.year ?? new Date().getFullYear();
    // A year-less date well before the last one: the diary went on into the next year.
    if (position.month !== undefined && marker.month < position.month - 6) near++;
    const inferred = inferYear(marker.month, marker.day, near, marker.weekday);
    year = inferred.year;
    weekdayMismatch = marker.weekday !== undefined && !inferred.weekdayChecked;
  } else if (marker.weekday !== undefined) {
    weekdayMismatch = weekdayOf(year, marker.month, marker.day) !== marker.weekday;
  }
  const date = isoDate(year, marker.month, marker.day);
  if (!date) return null;
  Object.assign(position, { year, month: marker.month, lastDay: marker.day });
  return { date, weekdayMismatch };
}
