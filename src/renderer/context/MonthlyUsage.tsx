import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { UsageTotal } from '../../shared/contextSchemas';
import { call } from '../bridge/api';
import { UsageLine } from './UsageSummary';
import { useFailureText } from './useFailureText';

type Month = { month: string; total: UsageTotal };

/** "2026-12" for a date, in local time (as core groups answers). */
export function monthKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}`;
}

/** The month "2026-12" named in the UI language ("December 2026", "2026年12月"). */
function monthName(month: string, language: string): string {
  const [year, index] = month.split('-').map(Number);
  return new Intl.DateTimeFormat(language, { year: 'numeric', month: 'long' }).format(
    new Date(year, index - 1, 1),
  );
}

/** Settings' "Usage this month": tokens and cost of this month's answers, and the months before. */
export function MonthlyUsage(): ReactElement {
  const { t, i18n } = useTranslation();
  const [months, setMonths] = useState<Month[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);
  useEffect(() => {
    call('usage.monthly', {}).then(({ months: next }) => setMonths(next), setFailure);
  }, []);
  const current = monthKey(new Date());
  const thisMonth = months?.find((m) => m.month === current);
  const earlier = (months ?? []).filter((m) => m.month !== current).slice(0, 6);
  return (
    <div className="monthly-usage" aria-label={t('context:usage.month')} role="group">
      {failureText && (
        <p className="field-error" role="alert">
          {failureText}
        </p>
      )}
      {months && (
        <>
          <div className="usage-month usage-month-current">
            <span className="usage-month-name">{monthName(current, i18n.language)}</span>
            {thisMonth ? (
              <UsageLine total={thisMonth.total} />
            ) : (
              <p className="muted ctx-small">{t('context:usage.none')}</p>
            )}
          </div>
          {earlier.length > 0 && (
            <details className="usage-earlier">
              <summary>{t('context:usage.earlier')}</summary>
              {earlier.map((m) => (
                <div key={m.month} className="usage-month">
                  <span className="usage-month-name">{monthName(m.month, i18n.language)}</span>
                  <UsageLine total={m.total} />
                </div>
              ))}
            </details>
          )}
        </>
      )}
    </div>
  );
}
