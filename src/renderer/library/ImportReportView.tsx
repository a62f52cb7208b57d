import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_CHARS } from '../../shared/limits';
import type { ImportReport, TruncatedItem } from '../../shared/schemas';

const SHOWN_TITLES = 8;

/**
 * What an import did, in full: counts, what was skipped and why, what was cut to the size limits,
 * and the first titles added.
 */
export function ImportReportView({ report }: { report: ImportReport }): ReactElement {
  const { t } = useTranslation();
  const stats: [string, number][] = [
    [t('library:import.conversationsAdded'), report.conversationsAdded],
    [t('library:import.messagesAdded'), report.messagesAdded],
    [t('library:import.duplicatesSkipped'), report.duplicatesSkipped],
  ];
  const more = report.addedTitles.length - SHOWN_TITLES;
  return (
    <div className="lib-report">
      <p className="lib-report-source">
        {t(report.source === 'chatgpt' ? 'library:import.sourceChatgpt' : 'library:import.sourceBackup')}
      </p>
      <dl className="lib-report-stats">
        {stats.map(([label, value]) => (
          <div key={label} className="lib-report-stat">
            <dt>{label}</dt>
            <dd>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>
      {report.addedTitles.length > 0 && (
        <section>
          <h3>{t('library:import.addedTitle')}</h3>
          <ul className="lib-report-list">
            {report.addedTitles.slice(0, SHOWN_TITLES).map((title, index) => (
              <li key={index}>{title || t('library:sidebar.untitled')}</li>
            ))}
            {more > 0 && <li className="lib-muted">{t('library:import.moreTitles', { count: more })}</li>}
          </ul>
        </section>
      )}
      {report.truncated.length > 0 && <TruncatedSection items={report.truncated} />}
      <section>
        <h3>{t('library:import.skippedTitle')}</h3>
        {report.skipped.length === 0 ? (
          <p className="lib-muted">{t('library:import.skippedNone')}</p>
        ) : (
          <ul className="lib-report-list lib-report-skipped">
            {report.skipped.map((item, index) => (
              <li key={index}>
                <strong>{item.item}</strong> — {item.reason}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

/** The conversations whose text was cut: a total, then one line per conversation. */
function TruncatedSection({ items }: { items: TruncatedItem[] }): ReactElement {
  const { t } = useTranslation();
  const count = items.reduce((sum, item) => sum + item.messages, 0);
  const chars = items.reduce((sum, item) => sum + item.chars, 0);
  return (
    <section className="lib-report-truncated">
      <h3>{t('library:import.truncatedTitle')}</h3>
      <p>{t('library:import.truncatedSummary', { count, chars: chars.toLocaleString() })}</p>
      <p className="lib-muted">
        {t('library:import.truncatedExplain', { max: MAX_MESSAGE_CHARS.toLocaleString() })}
      </p>
      <ul className="lib-report-list lib-report-skipped">
        {items.map((item, index) => {
          const parts: string[] = [];
          if (item.messages > 0) {
            parts.push(
              t('library:import.truncatedMessages', {
                count: item.messages,
                chars: item.chars.toLocaleString(),
              }),
            );
          }
          if (item.systemPrompt) parts.push(t('library:import.truncatedSystemPrompt'));
          return (
            <li key={index}>
              <strong>{item.item}</strong> — {parts.join('; ')}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
