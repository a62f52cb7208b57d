import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { toWireError } from '../chat/errorText';
import { TextEditBox } from '../components/TextEditBox';
import { useFailureText } from '../context/useFailureText';
import { useSettings } from '../state/settingsStore';
import { SendingOptions } from './SendingOptions';
import { endpointHost } from './endpointHost';
import type { YoungerSelf } from '../../shared/contract/youngerSelf';
import { useSummaryProgress } from './useYoungerSelf';

/**
 * The period summary of a younger-self conversation, above its messages: made by the model only
 * when asked (it sends the period's entries, month by month), shown, editable, made again.
 */
export function PeriodSummaryCard({ self }: { self: YoungerSelf }): ReactElement {
  const { t } = useTranslation();
  const { conversationId } = self;
  const progress = useSummaryProgress(conversationId);
  const { current } = useSettings();
  // Null until the user chooses: open while there is no summary, folded to one line once there is.
  const [shown, setShown] = useState<boolean | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<'make' | 'save' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);

  const run = (kind: 'make' | 'save', action: () => Promise<unknown>): void => {
    setBusy(kind);
    setFailure(null);
    action()
      // Stopped by the user: nothing to report.
      .then(
        () => setEditing(null),
        (error: unknown) => toWireError(error).code !== 'aborted' && setFailure(error),
      )
      .finally(() => setBusy(null));
  };
  const { host, local } = endpointHost(current?.settings.baseURL ?? '');
  const summary = self.summary?.trim() ? self.summary : null;
  const open = shown ?? summary === null;
  const period = t('youngerSelf:summaryPeriod', { from: self.from, to: self.to });
  return (
    <section className="period-summary" aria-label={t('youngerSelf:summaryTitle')}>
      <header className="period-summary-head">
        <h2>{t('youngerSelf:summaryTitle')}</h2>
        <span className="period-summary-period">{period}</span>
        {summary && self.summaryEdited && <span className="ctx-chip">{t('youngerSelf:summaryEdited')}</span>}
        <button
          type="button"
          className="btn btn-small btn-quiet period-summary-toggle"
          aria-expanded={open}
          onClick={() => setShown(!open)}
        >
          {open ? t('youngerSelf:summaryHide') : t('youngerSelf:summaryShow')}
        </button>
      </header>
      {!open && summary && <p className="period-summary-line">{summary.split('\n')[0]}</p>}
      {open && editing !== null && (
        <TextEditBox
          label={t('youngerSelf:summaryLabel')}
          rows={8}
          value={editing}
          onChange={setEditing}
          onCancel={() => setEditing(null)}
          onSave={(text) => run('save', () => call('youngerSelf.setSummary', { conversationId, text }))}
          cancelLabel={t('youngerSelf:cancel')}
          saveLabel={t('youngerSelf:summarySave')}
          busy={busy !== null}
          buttonsClassName="period-summary-buttons"
        />
      )}
      {open && editing === null && (
        <>
          {summary ? (
            <p className="period-summary-text">{summary}</p>
          ) : (
            <p className="period-summary-none">{t('youngerSelf:summaryNone')}</p>
          )}
          <p className="period-summary-note">
            {local
              ? t('youngerSelf:summaryNoteLocal', { host })
              : t('youngerSelf:summaryNoteRemote', { host })}
            {self.summaryMade &&
              ` ${t('youngerSelf:summaryMade', {
                count: self.summaryMade.entries,
                date: self.summaryMade.at.slice(0, 10),
                origin: self.summaryMade.sentTo,
              })}`}
          </p>
          <div className="period-summary-buttons">
            {busy === 'make' && progress && progress.total > 0 && (
              <span role="status" className="period-summary-progress">
                {t('youngerSelf:summaryProgress', { done: progress.done, total: progress.total })}
              </span>
            )}
            {busy === 'make' && (
              <button
                type="button"
                className="btn btn-small"
                onClick={() => void call('youngerSelf.stopSummary', { conversationId })}
              >
                {t('youngerSelf:summaryStop')}
              </button>
            )}
            {summary && (
              <button type="button" className="btn btn-small" onClick={() => setEditing(summary)}>
                {t('youngerSelf:summaryEdit')}
              </button>
            )}
            <button
              type="button"
              className="btn btn-small"
              disabled={busy !== null}
              onClick={() => {
                setShown(true);
                run('make', () => call('youngerSelf.makeSummary', { conversationId }));
              }}
            >
              {busy === 'make'
                ? t('youngerSelf:summaryMaking')
                : summary
                  ? t('youngerSelf:summaryMakeAgain')
                  : t('youngerSelf:summaryMake')}
            </button>
          </div>
        </>
      )}
      {failureText && (
        <p className="field-error" role="alert">
          {t('youngerSelf:summaryFailed', { message: failureText })}
        </p>
      )}
      {open && <SendingOptions self={self} host={host} local={local} />}
    </section>
  );
}
