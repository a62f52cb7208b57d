import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextPreview } from '../../shared/contextSchemas';
import { call } from '../bridge/api';
import { TextEditBox } from '../components/TextEditBox';
import { useFailureText } from './useFailureText';

interface SummaryCardProps {
  conversationId: string;
  summary: ContextPreview['summary'];
  /** Something changed what the next turn sends (the summary text, or summarizing turned off). */
  onChanged: () => void;
  /** Turns summarizing off (back to "Fit to window"). */
  onTurnOff: () => void;
}

/**
 * The rolling summary of older turns, as the next request sends it: shown, editable, made again
 * on request, with its off switch always in view.
 */
export function SummaryCard({
  conversationId,
  summary,
  onChanged,
  onTurnOff,
}: SummaryCardProps): ReactElement {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'refresh' | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);

  const run = (kind: 'save' | 'refresh', action: () => Promise<unknown>): void => {
    setBusy(kind);
    setFailure(null);
    action()
      .then(() => {
        setEditing(null);
        onChanged();
      }, setFailure)
      .finally(() => setBusy(null));
  };
  const save = (text: string): void => run('save', () => call('summary.update', { conversationId, text }));
  const refresh = (): void => run('refresh', () => call('summary.refresh', { conversationId }));

  return (
    <section className="ctx-summary" aria-label={t('context:summary.title')}>
      <header className="ctx-summary-head">
        <h3>{t('context:summary.title')}</h3>
        {summary && (
          <span className="ctx-chip">
            {summary.edited
              ? t('context:summary.edited')
              : t('context:summary.version', { version: summary.version })}
          </span>
        )}
        <button type="button" className="btn btn-small btn-quiet ctx-summary-off" onClick={onTurnOff}>
          {t('context:summary.off')}
        </button>
      </header>
      {editing !== null ? (
        <TextEditBox
          label={t('context:summary.label')}
          rows={6}
          value={editing}
          onChange={setEditing}
          onCancel={() => setEditing(null)}
          onSave={save}
          cancelLabel={t('context:summary.cancel')}
          saveLabel={t('context:summary.save')}
          busy={busy !== null}
          buttonsClassName="ctx-summary-buttons"
        />
      ) : (
        <>
          <p className="ctx-summary-text">{summary ? summary.text : t('context:summary.none')}</p>
          <div className="ctx-summary-buttons">
            {summary && (
              <button type="button" className="btn btn-small" onClick={() => setEditing(summary.text)}>
                {t('context:summary.edit')}
              </button>
            )}
            <button type="button" className="btn btn-small" disabled={busy !== null} onClick={refresh}>
              {busy === 'refresh' ? t('context:summary.refreshing') : t('context:summary.refresh')}
            </button>
          </div>
        </>
      )}
      {failureText && (
        <p className="field-error" role="alert">
          {t('context:summary.failed', { message: failureText })}
        </p>
      )}
    </section>
  );
}
