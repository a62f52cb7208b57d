/** Dates as the Journals section shows them, in the UI's language. Entry dates are calendar days (no zone). */

const monthFormats = new Map<string, Intl.DateTimeFormat>();
const dayFormats = new Map<string, Intl.DateTimeFormat>();

function cached(
  map: Map<string, Intl.DateTimeFormat>,
  language: string,
  options: Intl.DateTimeFormatOptions,
) {
  let format = map.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { ...options, timeZone: 'UTC' });
    map.set(language, format);
  }
  return format;
}

// Years before 1000 or after 9999 do not occur in diaries; Date.UTC handles every year between.
function utc(day: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const value = new Date(Date.UTC(2000, (month || 1) - 1, date || 1));
  value.setUTCFullYear(year);
  return value;
}

/** `1660-01` → "January 1660" / "1660年1月". */
export function monthLabel(month: string, language: string): string {
  return cached(monthFormats, language, { year: 'numeric', month: 'long' }).format(utc(`${month}-01`));
}

/**
 * `1660-01-01` → "January 1, 1660" / "1660年1月1日". No weekday: Intl counts in the Gregorian
 * calendar, and an old diary dated Old Style (Pepys) would show the wrong one.
 */
export function dayLabel(day: string, language: string): string {
  return cached(dayFormats, language, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  }).format(utc(day));
}

/** The first and last day of a `YYYY-MM` month. */
export function monthBounds(month: string): { from: string; to: string } {
  const [year, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(2000, m, 0)).getUTCDate();
  // February of a leap year: 2000 is one, so check the real year.
  const leap = m === 2 && ((year % 4 === 0 && year % 100 !== 0) || year % 400 === 0);
  return {
    from: `${month}-01`,
    to: `${month}-${String(m === 2 ? (leap ? 29 : 28) : last).padStart(2, '0')}`,
  };
}

/** The writer's age on a day, from the birth year (the year's difference: the birthday is unknown). */
export function ageOn(day: string, birthYear: number | null): number | null {
  if (birthYear === null) return null;
  const age = Number(day.slice(0, 4)) - birthYear;
  return age >= 0 && age < 130 ? age : null;
}
