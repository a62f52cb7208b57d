import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { MonthCount } from '../../shared/journalSchemas';
import { monthLabel } from './format';

/** Every month from the first to the last, those without entries at 0, grouped by year. */
function fillMonths(months: readonly MonthCount[]): { year: string; months: MonthCount[] }[] {
  if (months.length === 0) return [];
  const counts = new Map(months.map((m) => [m.month, m.count]));
  const [firstYear, firstMonth] = months[0].month.split('-').map(Number);
  const [lastYear, lastMonth] = months[months.length - 1].month.split('-').map(Number);
  const years: { year: string; months: MonthCount[] }[] = [];
  for (let year = firstYear; year <= lastYear; year++) {
    const list: MonthCount[] = [];
    const from = year === firstYear ? firstMonth : 1;
    const to = year === lastYear ? lastMonth : 12;
    for (let month = from; month <= to; month++) {
      const key = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
      list.push({ month: key, count: counts.get(key) ?? 0 });
    }
    years.push({ year: String(year), months: list });
  }
  return years;
}

/**
 * The picture of a journal: one bar per month, its height the number of entries, years side by
 * side. With `onPick` every month with entries is a button that opens it (the timeline); without,
 * it is a picture only (the import preview). Plain CSS bars: no chart library is needed for this.
 */
export function MonthBars({
  months,
  selected,
  onPick,
  label,
}: {
  months: readonly MonthCount[];
  selected?: string | null;
  onPick?: (month: string) => void;
  label: string;
}): ReactElement {
  const { t, i18n } = useTranslation();
  const years = fillMonths(months);
  const max = Math.max(1, ...months.map((m) => m.count));
  return (
    <div className="jr-bars" role={onPick ? 'group' : 'img'} aria-label={label}>
      {years.map(({ year, months: list }) => (
        <div key={year} className="jr-bars-year">
          <div className="jr-bars-columns">
            {list.map(({ month, count }) => {
              const height = count === 0 ? 0 : Math.max(6, Math.round((count / max) * 100));
              const name = t('journals:view.monthButton', { month: monthLabel(month, i18n.language), count });
              const bar = <span className="jr-bar" style={{ height: `${height}%` }} />;
              return onPick && count > 0 ? (
                <button
                  key={month}
                  type="button"
                  className={`jr-bars-month${selected === month ? ' jr-bars-selected' : ''}`}
                  aria-label={name}
                  aria-pressed={selected === month}
                  title={name}
                  onClick={() => onPick(month)}
                >
                  {bar}
                </button>
              ) : (
                <span key={month} className="jr-bars-month" title={onPick ? undefined : name}>
                  {bar}
                </span>
              );
            })}
          </div>
          <span className="jr-bars-label" aria-hidden="true">
            {year}
          </span>
        </div>
      ))}
    </div>
  );
}
