/**
 * The date engine: what a line's start says about the date (a full date, a month and day, a day
 * alone, a month or a year heading), in English, Chinese or numbers, and dates in file names.
 * Pure functions; the book-layout state (which year and month we are in) lives in
 * `../text/segment.ts`.
 */
import type { DateOrder } from '../types';
import { inferYear, isoDate } from './calendar';
import { matchChineseDate } from './chinese';
import { matchEnglishDate, matchEnglishDayOnly, matchNumericDate } from './english';

export { inferYear, isoDate, isRealDay, weekdayOf } from './calendar';
export { chineseNumber } from './chinese';

/** What the start of a line says about dates. `length` is how many characters the date took. */
export type LineMarker =
  | {
      kind: 'date';
      year?: number;
      month: number;
      day: number;
      weekday?: number;
      time?: string;
      length: number;
      language: 'zh' | 'en' | 'numeric';
    }
  | { kind: 'dayOnly'; day: number; length: number; language: 'zh' | 'en' }
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'year'; year: number };

/** Settings for reading a line. */
export interface MarkerOptions {
  dateOrder: DateOrder;
  /** The year chrono should assume (the heading's year), only used for its own inference. */
  referenceYear: number;
  /** The line stands alone (a heading, or a paragraph of one short line): a month or year alone counts. */
  standalone: boolean;
}

const ENGLISH_MONTH_HEADING = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?,?\s+(\d{4})\.?$/i;
// A heading that is a year alone: `2009`, `Diary 2009`, `1659-60.`
const YEAR_HEADING = /^(?:[A-Za-z][A-Za-z' ]{0,24}\s)?([12]\d{3})(?:-(\d{1,2}))?\.?$/;
const MONTH_INDEX = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const CJK_START = /^[0-9０-９〇零Ｏ○一二三四五六七八九十廿卅两正冬腊臘\u4e00-\u9fff]/;

/** Reads the date a line starts with (after any Markdown heading marks), or null. */
export function matchLineMarker(line: string, options: MarkerOptions): LineMarker | null {
  const text = line.trim();
  if (text === '') return null;
  const numeric = matchNumericDate(text, options.dateOrder);
  if (numeric && numeric.year !== undefined) return { kind: 'date', ...numeric, language: 'numeric' };
  if (CJK_START.test(text) && /[年月日]/.test(text.slice(0, 24))) {
    const chinese = matchChineseDate(text, options.standalone);
    if (chinese) {
      if (chinese.kind === 'full') return { ...chinese, kind: 'date', language: 'zh' };
      if (chinese.kind === 'monthDay') return { ...chinese, kind: 'date', language: 'zh' };
      if (chinese.kind === 'dayOnly') return { ...chinese, language: 'zh' };
      return chinese;
    }
  }
  const english = matchEnglishDate(text, options.referenceYear);
  if (english) return { kind: 'date', ...english, language: 'en' };
  const dayOnly = matchEnglishDayOnly(text);
  if (dayOnly) return { kind: 'dayOnly', ...dayOnly, language: 'en' };
  if (options.standalone) {
    const yearHeading = YEAR_HEADING.exec(text);
    if (yearHeading) return { kind: 'year', year: modernYear(Number(yearHeading[1]), yearHeading[2]) };
    const monthHeading = ENGLISH_MONTH_HEADING.exec(text);
    if (monthHeading) {
      const month = MONTH_INDEX.indexOf((monthHeading[1] as string).toLowerCase().slice(0, 3)) + 1;
      return { kind: 'month', month, year: Number(monthHeading[2]) };
    }
  }
  return null;
}

/** `1659` with `-60` (an Old Style dual year) is 1660; without it, the year itself. */
function modernYear(year: number, next: string | undefined): number {
  if (!next) return year;
  const base = next.length === 1 ? Math.floor(year / 10) * 10 : Math.floor(year / 100) * 100;
  const later = base + Number(next);
  return later > year ? later : year + 1;
}

/** Options for `parseDate`. */
export interface ParseDateOptions {
  dateOrder?: DateOrder;
  /** The year for a date that names none; without it, the current year. */
  year?: number;
}

/**
 * One date string to `YYYY-MM-DD` (`Jan. 1st, 1660`, `2009年3月5日 星期四`, `三月五日`,
 * `Monday, March 5`), or null. A year-less date takes `options.year` and, when a weekday is
 * given, the nearest year where that weekday fits.
 */
export function parseDate(text: string, options: ParseDateOptions = {}): string | null {
  const near = options.year ?? new Date().getFullYear();
  const marker = matchLineMarker(text, {
    dateOrder: options.dateOrder ?? 'auto',
    referenceYear: near,
    standalone: false,
  });
  if (!marker || marker.kind !== 'date') return null;
  const year = marker.year ?? inferYear(marker.month, marker.day, near, marker.weekday).year;
  return isoDate(year, marker.month, marker.day);
}

/**
 * The date a file's name or folder path gives: `2009-03-05.md`, `20090305.txt`,
 * `2009年3月5日.md`, `2020/08/29.txt` (jrnl's folder journal). Null when it names none.
 */
export function dateFromPath(path: string): string | null {
  const parts = path.split('/');
  const name = (parts.pop() ?? '').replace(/\.[^.]+$/, '');
  const iso = /(?:^|[^0-9])(\d{4})[-_.]?(\d{2})[-_.]?(\d{2})(?![0-9])/.exec(name);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const chinese = matchChineseDate(name.trim(), false);
  if (chinese?.kind === 'full') return isoDate(chinese.year, chinese.month, chinese.day);
  // `YYYY/MM/DD.txt`: the day is the file, the month and year its folders.
  const [year, month] = parts.slice(-2);
  if (/^\d{1,2}$/.test(name) && year && month && /^\d{4}$/.test(year) && /^\d{1,2}$/.test(month)) {
    return isoDate(Number(year), Number(month), Number(name));
  }
  return null;
}
