import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { DataCheckReport as Report } from '../../shared/fineTuningSchemas';

/** Examples listed per finding before "…"; the count says the rest. */
const SHOWN = 20;

/** The data check report: figures, cost, and each finding with the examples it concerns. */
export function DataCheckReport({ report, stale }: { report: Report | null; stale: boolean }): ReactElement {
  const { t, i18n } = useTranslation();
  const number = (value: number) => value.toLocaleString(i18n.language);
  const money = (value: number) =>
    value.toLocaleString(i18n.language, { style: 'currency', currency: 'USD', maximumFractionDigits: 4 });
  const tokensOf = new Map(report?.tokens.map((entry) => [entry.label, entry.tokens]));
  const hasWarnings = report?.issues.some((issue) => issue.severity === 'warning') ?? false;
  return (
    <section className="tr-panel tr-report" aria-label={t('training:report.label')}>
      <h2>{t('training:report.label')}</h2>
      {!report ? (
        <p className="tr-muted">{t('training:report.none')}</p>
      ) : (
        <>
          {stale && (
            <p className="tr-stale" role="status">
              {t('training:report.stale')}
            </p>
          )}
          <p>
            {t('training:report.summary', {
              examples: number(report.exampleCount),
              tokens: number(report.trainingTokens),
              epochs: report.epochs,
              billed: number(report.billedTokens),
            })}
          </p>
          <p>
            {report.estimatedCost === null
              ? t('training:report.noCost', { model: report.model })
              : t('training:report.cost', { cost: money(report.estimatedCost) })}
          </p>
          <p className="tr-muted">
            {t('training:report.encoding', { encoding: report.encoding, limit: number(report.exampleLimit) })}
          </p>
          <p className={report.ok ? 'tr-ok' : 'tr-bad'}>
            {!report.ok
              ? t('training:report.errors')
              : hasWarnings
                ? t('training:report.warnings')
                : t('training:report.clean')}
          </p>
          {report.issues.length > 0 && (
            <ul className="tr-issues">
              {report.issues.map((issue) => (
                <li key={issue.code} className={`tr-issue tr-${issue.severity}`}>
                  <span className="tr-severity">{t(`training:report.${issue.severity}`)}</span>{' '}
                  <span>
                    {t(`training:report.issue.${issue.code}`, { figure: number(issue.figure ?? 0) })}
                  </span>
                  {issue.examples.length > 0 && (
                    <span className="tr-labels">
                      {' — '}
                      {issue.examples
                        .slice(0, SHOWN)
                        .map((label) =>
                          issue.code === 'too_long'
                            ? t('training:report.tokensOf', {
                                label,
                                tokens: number(tokensOf.get(label) ?? 0),
                              })
                            : label,
                        )
                        .join(', ')}
                      {issue.examples.length > SHOWN ? ` … (+${issue.examples.length - SHOWN})` : ''}
                    </span>
                  )}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
