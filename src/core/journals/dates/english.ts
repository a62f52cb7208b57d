/**
 * English and numeric dates at the start of a line. English month and weekday forms go through
 * chrono-node; the cheap pre-check keeps it off the thousands of lines that cannot start with a
 * date. Numeric forms (`2009-03-05`, `05.03.2009`) are read here, because their day/month order
 * is the user's choice (`DateOrder`), not chrono's.
 */
import * as chrono from 'chrono-node';
import type { DateOrder } from '../types';
import { ENGLISH_WEEKDAYS } from './calendar';

/** A date found at a line's start: its parts and how many characters it took. */
export interface LineDate {
  year?: number;
  month: number;
  day: number;
  weekday?: number;
  /** `HH:MM` when a time followed the date. */
  time?: string;
  length: number;
}

const MONTHS = 'jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec';
const WEEKDAYS = 'mon|tue|wed|thu|fri|sat|sun';
const ENGLISH_START = new RegExp(
  `^(?:(?:${WEEKDAYS})[a-z]*\\.?,?\\s+(?:the\\s+)?)?(?:(?:${MONTHS})[a-z]*\\.?\\s+\\d|\\d{1,2}(?:st|nd|rd|th|d)?\\.?\\s+(?:of\\s+)?(?:${MONTHS}))`,
  'i',
);
const NUMERIC =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:[ T,]+(\d{1,2}):(\d{2})(?::\d{2})?\s*([AaPp][Mm])?)?/;
// Old Style dual years (`1659-60`, `1666-7`): the later year is the one a modern calendar uses.
const DUAL_YEAR = /\b(1[0-9]{2})([0-9])-([0-9]{1,2})\b(?!-)/g;

/** Replaces an Old Style dual year by its modern year, keeping the string's length. */
function modernYears(text: string): string {
  return text.replace(DUAL_YEAR, (whole, century: string, last: string, next: string) => {
    const start = Number(century + last);
    const end =
      next.length === 1
        ? Math.floor(start / 10) * 10 + Number(next)
        : Math.floor(start / 100) * 100 + Number(next);
    const year = end > start ? end : start + 1;
    return String(year).padEnd(whole.length, ' ');
  });
}

/** Reads an all-number date (`2009-03-05`, `05.03.2009`, `3/5/09`) by `order`. */
export function matchNumericDate(line: string, order: DateOrder): LineDate | null {
  const match = NUMERIC.exec(line);
  if (!match) return null;
  const [whole, a, separator, b, c, hour, minute, meridiem] = match as unknown as string[];
  let year: number;
  let month: number;
  let day: number;
  if ((a as string).length === 4) {
    [year, month, day] = [Number(a), Number(b), Number(c)];
  } else if ((c as string).length === 4 || (c as string).length === 2) {
    year = (c as string).length === 4 ? Number(c) : 2000 + Number(c);
    const first = Number(a);
    const second = Number(b);
    const dayFirst =
      order === 'dmy' || (order === 'auto' && (first > 12 || (second <= 12 && separator === '.')));
    [day, month] = dayFirst && !(order === 'auto' && second > 12) ? [first, second] : [second, first];
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  let time: string | undefined;
  if (hour !== undefined && minute !== undefined) {
    let hours = Number(hour) % 24;
    if (meridiem && /p/i.test(meridiem) && hours < 12) hours += 12;
    if (meridiem && /a/i.test(meridiem) && hours === 12) hours = 0;
    time = `${String(hours).padStart(2, '0')}:${minute}`;
  }
  return { year, month, day, time, length: (whole as string).length };
}

/** Reads an English date (`Jan. 1st, 1660`, `1 January 1660`, `Monday, March 5`) at the line's start. */
export function matchEnglishDate(line: string, referenceYear: number): LineDate | null {
  if (!ENGLISH_START.test(line)) return null;
  const head = modernYears(line.slice(0, 80));
  const reference = new Date(Date.UTC(2000, 5, 15));
  reference.setUTCFullYear(referenceYear);
  const [found] = chrono.en.parse(head, { instant: reference, timezone: 0 });
  if (!found || found.index !== 0 || !found.start.isCertain('day') || !found.start.isCertain('month')) {
    return null;
  }
  const start = found.start;
  const weekday = weekdayIn(found.text);
  return {
    year: start.isCertain('year') ? (start.get('year') ?? undefined) : undefined,
    month: start.get('month') as number,
    day: start.get('day') as number,
    weekday,
    length: found.text.length,
  };
}

function weekdayIn(text: string): number | undefined {
  const match = new RegExp(`^(${WEEKDAYS})`, 'i').exec(text);
  return match ? ENGLISH_WEEKDAYS[(match[1] as string).toLowerCase()] : undefined;
}

/**
 * A day alone at a paragraph's start, as a printed diary writes entries under a month heading:
 * `2nd.`, `3rd (Lord's day).`, `30th (Whitsunday).`. `1Oth` (a letter O, a scanning slip in the
 * Gutenberg text) is read as 10th.
 */
export function matchEnglishDayOnly(line: string): { day: number; length: number } | null {
  const match = /^([0-9][0-9Oo]?)(st|nd|rd|th|d)\b\.?/.exec(line);
  if (!match) return null;
  const day = Number((match[1] as string).replace(/[Oo]/g, '0'));
  return day >= 1 && day <= 31 ? { day, length: match[0].length } : null;
}
