import { useEffect, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { YoungerSelf } from '../../shared/contract/youngerSelf';
import { call, onEvent } from '../bridge/api';
import { useFailureText } from '../context/useFailureText';
import { useSettings } from '../state/settingsStore';
import { endpointHost } from './endpointHost';

/** The younger self of a conversation, kept current by `conversation.changed`; null for others. */
function useYoungerSelf(conversationId: string): YoungerSelf | null {
  const [self, setSelf] = useState<YoungerSelf | null>(null);
  useEffect(() => {
    let live = true;
    const load = () =>
      call('youngerSelf.get', { conversationId }).then(
        (found) => live && setSelf(found),
        // An ordinary conversation (or one gone) simply has no card.
        () => live && setSelf(null),
      );
    void load();
    const stop = onEvent('conversation.changed', ({ id }) => id === conversationId && void load());
    return () => {
      live = false;
      stop();
    };
  }, [conversationId]);
  return self && self.conversationId === conversationId ? self : null;
}

/** `done` of `total` summary calls while the summary is being made for this conversation. */
function useSummaryProgress(conversationId: string): { done: number; total: number } | null {
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  useEffect(
    () =>
      onEvent('youngerSelf.summaryProgress', (event) => {
        if (event.conversationId === conversationId) setProgress({ done: event.done, total: event.total });
      }),
    [conversationId],
  );
  return progress;
}

/**
 * The period summary of a younger-self conversation, above its messages: made by the model only
 * when asked (it sends the period's entries, month by month), shown, editable, made again.
 */
export function PeriodSummaryCard({ conversationId }: { conversationId: string }): ReactElement | null {
  const { t } = useTranslation();
  const self = useYoungerSelf(conversationId);
  const progress = useSummaryProgress(conversationId);
  const { current } = useSettings();
  const [open, setOpen] = useState(true);
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<'make' | 'save' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);
  if (!self) return null;

  const run = (kind: 'make' | 'save', action: () => Promise<unknown>): void => {
    setBusy(kind);
    setFailure(null);
    action()
      .then(() => setEditing(null), setFailure)
      .finally(() => setBusy(null));
  };
  const { host, local } = endpointHost(current?.settings.baseURL ?? '');
  const summary = self.summary?.trim() ? self.summary : null;
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
          onClick={() => setOpen(!open)}
        >
          {open ? t('youngerSelf:summaryHide') : t('youngerSelf:summaryShow')}
        </button>
      </header>
      {open && editing !== null && (
        <>
          <textarea
            className="input textarea"
            aria-label={t('youngerSelf:summaryLabel')}
            rows={8}
            value={editing}
            onChange={(e) => setEditing(e.target.value)}
          />
          <div className="period-summary-buttons">
            <button type="button" className="btn btn-small" onClick={() => setEditing(null)}>
              {t('youngerSelf:cancel')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-primary"
              disabled={busy !== null || editing.trim() === ''}
              onClick={() =>
                run('save', () => call('youngerSelf.setSummary', { conversationId, text: editing }))
              }
            >
              {t('youngerSelf:summarySave')}
            </button>
          </div>
        </>
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
          </p>
          <div className="period-summary-buttons">
            {busy === 'make' && progress && progress.total > 0 && (
              <span role="status" className="period-summary-progress">
                {t('youngerSelf:summaryProgress', { done: progress.done, total: progress.total })}
              </span>
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
              onClick={() => run('make', () => call('youngerSelf.makeSummary', { conversationId }))}
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
    </section>
  );
}
