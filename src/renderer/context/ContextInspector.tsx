import { useId, useMemo, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContextPreview } from '../../shared/contextSchemas';
import { DEFAULT_MEMORY, type Conversation, type MemorySettings, type Message } from '../../shared/schemas';
import { call } from '../bridge/api';
import { Icon } from '../components/Icon';
import { ContextParts, LeftOutList } from './ContextParts';
import { useDraft } from './draftStore';
import { useFormatters } from './format';
import { closeInspector } from './inspectorStore';
import { MemoryControl } from './MemoryControl';
import { SummaryCard } from './SummaryCard';
import { ConversationUsage } from './UsageSummary';
import { useContextPreview, type PreviewRequest } from './useContextPreview';
import { useDebounced } from './useDebounced';
import { useFailureText } from './useFailureText';

/** How long typing must pause before the inspector builds the request with the new draft. */
const DRAFT_SETTLE_MS = 300;

interface ContextInspectorProps {
  conversation: Conversation;
  /** The loaded messages (to know whether an answer's request was recorded). */
  messages: readonly Message[];
  /** The answer whose request is shown; null for the next turn (with the composer's draft). */
  answerId: string | null;
  /** The conversation changed (memory saved): the chat refetches it. */
  onConversationChanged: (conversation: Conversation) => void;
  /** Something else changed what the next turn sends (the summary). */
  onContextChanged: () => void;
  /** Changes whenever the conversation's messages do, so the preview follows new turns. */
  refreshKey: string;
}

/** The total against the window, the room kept for the answer, and the estimated cost. */
function Overview({ preview }: { preview: ContextPreview }): ReactElement {
  const { t } = useTranslation();
  const format = useFormatters();
  const used = Math.min(1, preview.totalTokens / preview.contextWindow);
  const reserved = Math.min(1 - used, preview.maxOutput / preview.contextWindow);
  const { encoding, estimated } = preview.counting;
  return (
    <section className="ctx-overview" aria-label={t('context:inspector.total')}>
      <div className="ctx-total">
        <span className="ctx-total-figure" data-total-tokens={preview.totalTokens}>
          {t('context:inspector.ofWindow', {
            used: format.count(preview.totalTokens),
            window: format.count(preview.contextWindow),
          })}
        </span>
        {estimated && <span className="ctx-chip ctx-chip-warn">{t('context:tokens.estimate')}</span>}
      </div>
      <div className="ctx-meter" aria-hidden="true">
        <span className="ctx-meter-used" style={{ width: `${used * 100}%` }} />
        <span className="ctx-meter-reserved" style={{ width: `${reserved * 100}%` }} />
      </div>
      <dl className="ctx-facts">
        <dt>{t('context:inspector.cost')}</dt>
        <dd data-cost>
          {preview.estimatedInputCost === null
            ? t('context:inspector.noPrice')
            : format.cost(preview.estimatedInputCost)}
        </dd>
        <dt>{t('context:inspector.model')}</dt>
        <dd>{preview.model}</dd>
        <dt>{t('context:inspector.reserved')}</dt>
        <dd>{t('context:inspector.maxOutput', { formatted: format.count(preview.maxOutput) })}</dd>
        <dt>{t('context:inspector.countingLabel')}</dt>
        <dd data-counting={encoding}>
          {estimated
            ? t('context:inspector.countingEstimate')
            : encoding === 'model'
              ? t('context:inspector.countingModel')
              : t('context:inspector.counting', { encoding })}
        </dd>
      </dl>
    </section>
  );
}

/**
 * The side panel "Context inspector": the exact request of the next turn (as if the composer's
 * draft were sent now) or of a past answer — every message with its role and tokens, the
 * summary, what was left out and why, the total against the window and the estimated cost.
 */
export function ContextInspector(props: ContextInspectorProps): ReactElement {
  const { conversation, messages, answerId, onConversationChanged, onContextChanged, refreshKey } = props;
  const { t } = useTranslation();
  const titleId = useId();
  const draft = useDebounced(useDraft(), DRAFT_SETTLE_MS);
  // An answer made before requests were recorded has nothing to show: nothing is asked.
  const unrecorded = answerId !== null && messages.find((m) => m.id === answerId)?.contextRecorded === false;
  const request = useMemo<PreviewRequest | null>(() => {
    if (unrecorded) return null;
    if (answerId) return { conversationId: conversation.id, answerId };
    return { conversationId: conversation.id, ...(draft.trim() ? { draft: draft.trim() } : {}) };
  }, [conversation.id, answerId, draft, unrecorded]);
  const { preview, error, loading } = useContextPreview(request, refreshKey);
  const failure = useFailureText(error);
  const memory: MemorySettings = (answerId ? preview?.memory : conversation.memory) ?? DEFAULT_MEMORY;
  const setMemory = (next: MemorySettings): void => {
    call('conversation.setMemory', { id: conversation.id, memory: next }).then(onConversationChanged, () => {
      // The switch stays as it was; the Memory control above can be used instead.
    });
  };

  return (
    <aside
      className="ctx-panel"
      aria-labelledby={titleId}
      data-answer-id={answerId ?? undefined}
      onKeyDown={(e) => e.key === 'Escape' && closeInspector()}
    >
      <header className="ctx-panel-head">
        <div>
          <h2 id={titleId}>{t('context:inspector.title')}</h2>
          <p className="ctx-subtitle">
            {answerId ? t('context:inspector.pastAnswer') : t('context:inspector.nextTurn')}
          </p>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={t('context:inspector.close')}
          title={t('context:inspector.close')}
          onClick={closeInspector}
        >
          <Icon name="close" size={16} />
        </button>
      </header>
      <div className="ctx-panel-body" aria-busy={loading}>
        {!answerId && (
          <section className="ctx-section ctx-memory">
            <MemoryControl
              conversationId={conversation.id}
              memory={conversation.memory}
              onChanged={onConversationChanged}
            />
          </section>
        )}
        {failure && (
          <p className="ctx-failed" role="alert">
            {t('context:inspector.failed', { message: failure })}
          </p>
        )}
        {unrecorded && <p className="muted ctx-small">{t('context:inspector.notRecorded')}</p>}
        {!preview && !failure && !unrecorded && (
          <p className="muted ctx-small">{t('context:inspector.loading')}</p>
        )}
        {preview && (
          <>
            <Overview preview={preview} />
            {answerId && (
              <p className="ctx-memory-used">
                <span className="muted">{t('context:memory.label')}</span>
                <span className="ctx-chip">{t(`context:memory.${memory.strategy}`)}</span>
              </p>
            )}
            {!answerId && conversation.memory.strategy === 'summarize' && (
              <SummaryCard
                conversationId={conversation.id}
                summary={preview.summary}
                onChanged={onContextChanged}
                onTurnOff={() => setMemory({ ...conversation.memory, strategy: 'fit_window' })}
              />
            )}
            {preview.warnings.length > 0 && (
              <section className="ctx-section ctx-warnings" aria-label={t('context:inspector.warnings')}>
                {preview.warnings.map((warning) => (
                  <p key={warning.code} className="notice notice-warning">
                    {t(`context:warnings.${warning.code}`, { defaultValue: warning.message })}
                  </p>
                ))}
              </section>
            )}
            <ContextParts preview={preview} />
            <LeftOutList leftOut={preview.leftOut} />
          </>
        )}
        <ConversationUsage id={conversation.id} refreshKey={refreshKey} />
      </div>
    </aside>
  );
}
