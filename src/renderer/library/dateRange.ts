/** The date filters the search palette offers. */
export type DateRange = 'any' | 'week' | 'month' | 'year' | 'custom';

/** `from`/`to` for `search.query` as ISO strings; custom dates (YYYY-MM-DD) cover whole local days. */
export function rangeBounds(
  range: DateRange,
  now: Date,
  customFrom = '',
  customTo = '',
): { from?: string; to?: string } {
  const ago = (days: number, months = 0, years = 0): string =>
    new Date(
      now.getFullYear() - years,
      now.getMonth() - months,
      now.getDate() - days,
      now.getHours(),
      now.getMinutes(),
    ).toISOString();
  switch (range) {
    case 'week':
      return { from: ago(7) };
    case 'month':
      return { from: ago(0, 1) };
    case 'year':
      return { from: ago(0, 0, 1) };
    case 'custom': {
      const bounds: { from?: string; to?: string } = {};
      const from = parseDay(customFrom);
      const to = parseDay(customTo);
      if (from) bounds.from = from.toISOString();
      if (to)
        bounds.to = new Date(to.getFullYear(), to.getMonth(), to.getDate() + 1, 0, 0, 0, -1).toISOString();
      return bounds;
    }
    default:
      return {};
  }
}

function parseDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match ? new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : null;
}
