/**
 * Chinese dates, written by hand because no maintained npm library reads them: chrono-node's `zh`
 * locale handles only modern Arabic-numeral forms and none of 一九一二年, 廿三日, 正月, or the
 * book layout of a printed diary (see `../text/segment.ts`).
 */

const DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  Ｏ: 0,
  '○': 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  两: 2,
  // Financial numerals, which a transcription sometimes mixes in (二十伍日).
  壹: 1,
  贰: 2,
  貳: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

/** A number written with Arabic digits (also full-width), digit-by-digit Chinese (一九一二), or with 十/廿/卅 (二十三, 廿三, 卅一). */
export function chineseNumber(text: string): number | null {
  const ascii = text.replace(/[０-９]/g, (c) => String(c.charCodeAt(0) - 0xff10));
  if (/^\d+$/.test(ascii)) return Number(ascii);
  if (text === '') return null;
  if (/^[〇零Ｏ○一二三四五六七八九]+$/.test(text) && text.length > 1) {
    return Number([...text].map((c) => DIGITS[c]).join(''));
  }
  const tens: Record<string, number> = { 十: 10, 廿: 20, 卅: 30, 卌: 40 };
  const match =
    /^([一二三四五六七八九两贰貳叁參]?)([十拾廿卅卌])([一二三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]?)$/.exec(
      text,
    );
  if (match) {
    const [, before, ten, after] = match;
    const isTen = ten === '十' || ten === '拾';
    const base = isTen ? (before ? (DIGITS[before] ?? 0) * 10 : 10) : (tens[ten] ?? 0);
    if (!isTen && before) return null;
    return base + (after ? (DIGITS[after] ?? 0) : 0);
  }
  if (text.length === 1 && text in DIGITS) return DIGITS[text] ?? null;
  return null;
}

/** The numeral characters a Chinese date may use (plus Arabic digits). */
export const NUMERAL = '[0-9０-９〇零Ｏ○一二三四五六七八九十廿卅两壹贰貳叁參肆伍陆陸柒捌玖拾]';
/** Months may also be 正 (first), 冬 (eleventh) or 腊/臘 (twelfth). */
const MONTH = `(正|冬|腊|臘|${NUMERAL}{1,3})`;

/** 星期一…星期日/天, 周一…, 礼拜一… → 0 (Sunday) … 6. */
export function chineseWeekday(text: string): number | undefined {
  const match = /(?:星期|周|礼拜|禮拜)([一二三四五六日天])/.exec(text);
  if (!match) return undefined;
  return '日一二三四五六天'.indexOf(match[1] as string) % 7;
}

function monthNumber(text: string): number | null {
  if (text === '正') return 1;
  if (text === '冬') return 11;
  if (text === '腊' || text === '臘') return 12;
  return chineseNumber(text);
}

/** What a line's start says, in Chinese. */
export type ChineseMatch =
  | { kind: 'full'; year: number; month: number; day: number; weekday?: number; length: number }
  | { kind: 'monthDay'; month: number; day: number; weekday?: number; length: number }
  | { kind: 'dayOnly'; day: number; length: number }
  | { kind: 'month'; month: number; year?: number }
  | { kind: 'year'; year: number };

const FULL = new RegExp(
  `^(${NUMERAL}{4})\\s*年\\s*${MONTH}\\s*月\\s*(${NUMERAL}{1,3})\\s*[日号號]\\s*(?:[（(]?\\s*(?:星期|周|礼拜|禮拜)[一二三四五六日天]\\s*[)）]?)?`,
);
const MONTH_DAY = new RegExp(
  `^${MONTH}\\s*月\\s*(${NUMERAL}{1,3})\\s*[日号號]\\s*(?:[（(]?\\s*(?:星期|周|礼拜|禮拜)[一二三四五六日天]\\s*[)）]?)?`,
);
// A day alone at a paragraph's start opens an entry (`五日\u3000上午…`, also `十一日晴。` with no space),
// unless 日 begins a word: 日记, 日本, 日子.
const DAY_ONLY = new RegExp(`^(${NUMERAL}{1,3})\\s*日(?![记記本子])`);
// `壬子日记（一九一二年）`, `一九一二年`, `1912年日记`: a year heading with no month in it.
const YEAR_HEADING = new RegExp(`^[^\\n月]{0,12}?[（(]?(${NUMERAL}{4})\\s*年[）)]?[^\\n月]{0,8}$`);
const MONTH_HEADING = new RegExp(`^(?:(${NUMERAL}{4})\\s*年\\s*)?${MONTH}\\s*月(?:份)?$`);

/**
 * Reads a Chinese date at the start of `line` (already trimmed). `heading` says the line stands
 * alone (a heading or a short paragraph), which is when a year or month alone counts.
 */
export function matchChineseDate(line: string, heading: boolean): ChineseMatch | null {
  const full = FULL.exec(line);
  if (full) {
    const year = chineseNumber(full[1] as string);
    const month = monthNumber(full[2] as string);
    const day = chineseNumber(full[3] as string);
    if (year !== null && month !== null && day !== null) {
      return { kind: 'full', year, month, day, weekday: chineseWeekday(full[0]), length: full[0].length };
    }
  }
  const monthDay = MONTH_DAY.exec(line);
  if (monthDay) {
    const month = monthNumber(monthDay[1] as string);
    const day = chineseNumber(monthDay[2] as string);
    if (month !== null && day !== null) {
      return {
        kind: 'monthDay',
        month,
        day,
        weekday: chineseWeekday(monthDay[0]),
        length: monthDay[0].length,
      };
    }
  }
  if (heading) {
    const monthOnly = MONTH_HEADING.exec(line);
    if (monthOnly) {
      const month = monthNumber(monthOnly[2] as string);
      const year = monthOnly[1] ? chineseNumber(monthOnly[1]) : null;
      if (month !== null && month >= 1 && month <= 12) {
        return year === null ? { kind: 'month', month } : { kind: 'month', month, year };
      }
    }
    const yearOnly = line.length <= 24 ? YEAR_HEADING.exec(line) : null;
    if (yearOnly) {
      const year = chineseNumber(yearOnly[1] as string);
      if (year !== null) return { kind: 'year', year };
    }
  }
  const dayOnly = DAY_ONLY.exec(line);
  if (dayOnly) {
    const day = chineseNumber(dayOnly[1] as string);
    if (day !== null && day >= 1 && day <= 31) return { kind: 'dayOnly', day, length: dayOnly[0].length };
  }
  return null;
}
