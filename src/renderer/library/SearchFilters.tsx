import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateRange } from './dateRange';

interface SearchFiltersProps {
  titlesOnly: boolean;
  onTitlesOnly: (value: boolean) => void;
  range: DateRange;
  onRange: (range: DateRange) => void;
  customFrom: string;
  customTo: string;
  onCustom: (from: string, to: string) => void;
}

const RANGES: DateRange[] = ['any', 'week', 'month', 'year', 'custom'];

/** The palette's filters: a "Titles only" toggle and a date range (presets or two dates). */
export function SearchFilters(props: SearchFiltersProps): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="lib-filters">
      <button
        type="button"
        className="lib-chip"
        aria-pressed={props.titlesOnly}
        onClick={() => props.onTitlesOnly(!props.titlesOnly)}
      >
        {t('library:search.titlesOnly')}
      </button>
      <label className="lib-select">
        <span className="lib-visually-hidden">{t('library:search.range')}</span>
        <select value={props.range} onChange={(event) => props.onRange(event.target.value as DateRange)}>
          {RANGES.map((range) => (
            <option key={range} value={range}>
              {t(`library:search.${range}`)}
            </option>
          ))}
        </select>
      </label>
      {props.range === 'custom' && (
        <span className="lib-dates">
          <label>
            <span>{t('library:search.from')}</span>
            <input
              type="date"
              value={props.customFrom}
              max={props.customTo || undefined}
              onChange={(e) => props.onCustom(e.target.value, props.customTo)}
            />
          </label>
          <label>
            <span>{t('library:search.to')}</span>
            <input
              type="date"
              value={props.customTo}
              min={props.customFrom || undefined}
              onChange={(e) => props.onCustom(props.customFrom, e.target.value)}
            />
          </label>
        </span>
      )}
    </div>
  );
}
