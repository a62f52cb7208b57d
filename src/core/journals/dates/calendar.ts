/** Calendar arithmetic on plain year/month/day numbers (proleptic Gregorian, as `Date` uses). */

/** A date split into its numbers; a missing part is unknown. */
export interface DateParts {
  year?: number;
  month?: number;
  day?: number;
  /** 0 = Sunday … 6 = Saturday, when the text names the day of the week. */
  weekday?: number;
}

/** Whether year-month-day is a real calendar day (no 30 February). */
export function isRealDay(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Days in the month (February by the Gregorian leap rule). */
export function daysInMonth(year: number, month: number): number {
  const date = new Date(Date.UTC(2000, month, 0));
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}

/** The weekday (0 = Sunday) of a Gregorian day. */
export function weekdayOf(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(2000, 0, 1));
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCDay();
}

/** `YYYY-MM-DD`, or null when the parts do not make a real day. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!isRealDay(year, month, day) || year < 1 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * The year for a month and day that came without one. Prefers `near` (the year of the heading
 * above, or the caller's hint); when a weekday is given and does not fit, the closest year within
 * 14 either side where it does, earlier years first (a diary is written after the fact).
 */
export function inferYear(
  month: number,
  day: number,
  near: number,
  weekday?: number,
): { year: number; weekdayChecked: boolean } {
  if (weekday === undefined) return { year: near, weekdayChecked: false };
  for (let distance = 0; distance <= 14; distance++) {
    for (const year of distance === 0 ? [near] : [near - distance, near + distance]) {
      if (isRealDay(year, month, day) && weekdayOf(year, month, day) === weekday) {
        return { year, weekdayChecked: true };
      }
    }
  }
  return { year: near, weekdayChecked: false };
}

/** English weekday names and their numbers, for matching `Monday`, `Mon.`, `Lord's day`. */
export const ENGLISH_WEEKDAYS: Record<string, number> = {
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};
