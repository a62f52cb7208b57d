/**
 * Date hints: the days a message points at ("on New Year's Day", "in March", "that summer",
 * "on my birthday", "1 January 1660", 元旦, 三月, 那年夏天, 生日, 五月五日), as day ranges clipped
 * to the conversation's period. Written by hand: date libraries (chrono-node and the like) parse
 * absolute dates in English but know neither a period to resolve "that summer" in nor Chinese
 * calendar words; what is needed here is a small, predictable table.
 */

/** A closed range of calendar days, `YYYY-MM-DD`. */
export interface DayRange {
  from: string;
  to: string;
}

/** What a hint is resolved against. */
export interface HintContext {
  /** The period, `YYYY-MM-DD` both ends, inclusive. */
  period: DayRange;
  /** `MM-DD` of the writer's birthday, when known. */
  birthday?: string | null;
}

const MONTHS_EN = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH_EN = `(${MONTHS_EN.map((name) => `${name.slice(0, 3)}(?:${name.slice(3)})?`).join('|')})\\.?`;
const ZH_NUMBER = '([〇零一二三四五六七八九十两]{1,3}|\\d{1,2})';

function pad(value: number): string {
  return String(value).padStart(2, '0');
}

function monthIndex(word: string): number {
  const lower = word.toLowerCase();
  return MONTHS_EN.findIndex((name) => lower.startsWith(name.slice(0, 3))) + 1;
}

/** 十二 → 12, 五 → 5, 廿 is not used in dates the parser sees here. */
function zhNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (ch: string) => '〇一二三四五六七八九'.indexOf(ch === '零' ? '〇' : ch === '两' ? '二' : ch);
  if (!text.includes('十')) return digit(text);
  const [tens, ones] = text.split('十');
  return (tens ? digit(tens) : 1) * 10 + (ones ? digit(ones) : 0);
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The years the period touches, oldest first. */
function yearsOf(period: DayRange): number[] {
  const first = Number(period.from.slice(0, 4));
  const last = Number(period.to.slice(0, 4));
  const years: number[] = [];
  for (let year = first; year <= last && years.length < 200; year++) years.push(year);
  return years;
}

/** The range clipped to the period, or null when it falls outside. */
function clip(range: DayRange, period: DayRange): DayRange | null {
  const from = range.from < period.from ? period.from : range.from;
  const to = range.to > period.to ? period.to : range.to;
  return from <= to ? { from, to } : null;
}

/** One yearly range (month/day to month/day) in every year of the period. */
function everyYear(period: DayRange, start: [number, number], end: [number, number]): DayRange[] {
  return yearsOf(period).flatMap((year) => {
    const endYear = end[0] < start[0] ? year + 1 : year;
    const endDay = Math.min(end[1], lastDay(endYear, end[0]));
    const range = clip(
      { from: `${year}-${pad(start[0])}-${pad(start[1])}`, to: `${endYear}-${pad(end[0])}-${pad(endDay)}` },
      period,
    );
    return range ? [range] : [];
  });
}

function day(period: DayRange, month: number, date: number, year?: number): DayRange[] {
  if (month < 1 || month > 12 || date < 1 || date > 31) return [];
  if (year !== undefined) {
    const iso = `${year}-${pad(month)}-${pad(date)}`;
    const range = clip({ from: iso, to: iso }, period);
    return range ? [range] : [];
  }
  return everyYear(period, [month, date], [month, date]);
}

function wholeMonth(period: DayRange, month: number): DayRange[] {
  return everyYear(period, [month, 1], [month, 31]);
}

const SEASONS: Record<string, [[number, number], [number, number]]> = {
  spring: [
    [3, 1],
    [5, 31],
  ],
  summer: [
    [6, 1],
    [8, 31],
  ],
  autumn: [
    [9, 1],
    [11, 30],
  ],
  winter: [
    [12, 1],
    [2, 29],
  ],
};
SEASONS.fall = SEASONS.autumn;
const ZH_SEASONS: Record<string, string> = { 春: 'spring', 夏: 'summer', 秋: 'autumn', 冬: 'winter' };

/**
 * The day ranges a message hints at, inside the period (empty when it names no date). Ranges may
 * overlap; a day named exactly ("1 January 1660") is a one-day range.
 */
export function dateHints(message: string, context: HintContext): DayRange[] {
  const { period } = context;
  const text = message.toLowerCase();
  const ranges: DayRange[] = [];
  const add = (found: DayRange[]) => ranges.push(...found);

  for (const match of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    add(day(period, Number(match[2]), Number(match[3]), Number(match[1])));
  }
  // "1 January 1660", "1st of Jan", "January 1st, 1660", "Jan 1".
  const dayFirst = new RegExp(
    `\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH_EN}(?:,?\\s+(\\d{4}))?\\b`,
    'g',
  );
  for (const match of text.matchAll(dayFirst)) {
    add(day(period, monthIndex(match[2]!), Number(match[1]), match[3] ? Number(match[3]) : undefined));
  }
  const monthFirst = new RegExp(`\\b${MONTH_EN}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, 'g');
  for (const match of text.matchAll(monthFirst)) {
    add(day(period, monthIndex(match[1]!), Number(match[2]), match[3] ? Number(match[3]) : undefined));
  }
  if (/new year'?s?(?:’s)?\s+day|new-year'?s day|\bnew year\b/.test(text) || text.includes('元旦')) {
    add(day(period, 1, 1));
  }
  if (/new year'?s eve/.test(text) || text.includes('除夕')) add(day(period, 12, 31));
  if (/christmas|xmas/.test(text) || text.includes('圣诞')) add(everyYear(period, [12, 24], [12, 26]));
  if (context.birthday && (/\bbirthday\b/.test(text) || text.includes('生日'))) {
    const [month, date] = context.birthday.split('-').map(Number) as [number, number];
    add(day(period, month, date));
  }
  // "in March", "that March", "during May" (a bare "may" is too often the verb).
  const monthAlone = new RegExp(`\\b(?:in|that|during|last|early|late|of)\\s+${MONTH_EN}\\b(?!\\s+\\d)`, 'g');
  for (const match of text.matchAll(monthAlone)) add(wholeMonth(period, monthIndex(match[1]!)));
  for (const [season, [start, end]] of Object.entries(SEASONS)) {
    if (new RegExp(`\\b${season}\\b`).test(text)) add(everyYear(period, start, end));
  }

  // Chinese: 五月五日 / 5月5日 / 五月五号, then 三月 alone, then seasons (夏天, 那年夏天, 夏季).
  const zhDay = new RegExp(`${ZH_NUMBER}月${ZH_NUMBER}[日号]`, 'g');
  const zhDayMonths = new Set<number>();
  for (const match of message.matchAll(zhDay)) {
    const month = zhNumber(match[1]!);
    zhDayMonths.add(match.index);
    add(day(period, month, zhNumber(match[2]!)));
  }
  for (const match of message.matchAll(new RegExp(`${ZH_NUMBER}月(?!${ZH_NUMBER}[日号])`, 'g'))) {
    if (zhDayMonths.has(match.index)) continue;
    add(wholeMonth(period, zhNumber(match[1]!)));
  }
  if (message.includes('正月')) add(wholeMonth(period, 1));
  for (const match of message.matchAll(/([春夏秋冬])(?:天|季)/g)) {
    const [start, end] = SEASONS[ZH_SEASONS[match[1]!]!]!;
    add(everyYear(period, start, end));
  }
  return dedupe(ranges);
}

function dedupe(ranges: DayRange[]): DayRange[] {
  const seen = new Set<string>();
  return ranges.filter((range) => {
    const key = `${range.from}/${range.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
