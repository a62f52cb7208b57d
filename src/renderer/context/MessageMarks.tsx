import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { LeftOutReason } from '../../shared/contextSchemas';
import type { ConversationPage } from '../../shared/schemas';
import { Icon } from '../components/Icon';
import { setContextBreak } from './contextActions';

/** Why a message is not sent: a reason the builder gave, or `older` (before the oldest part sent). */
export type NotSentReason = LeftOutReason | 'older';

/** The "Not sent" mark on a message outside the next request's context. */
export function NotSentMark({ reason }: { reason: NotSentReason }): ReactElement {
  const { t } = useTranslation();
  const why = reason === 'older' ? undefined : t(`context:reasons.${reason}`);
  return (
    <span className="not-sent" data-not-sent={reason} title={why}>
      <Icon name="eyeOff" size={12} />
      {t('context:notSent')}
      {why && <span className="sr-only">: {why}</span>}
    </span>
  );
}

/** The "clear context here" divider after a message, with its remove button. */
export function ContextDivider({
  messageId,
  onReplace,
  onFailure,
}: {
  messageId: string;
  onReplace: (page: ConversationPage) => void;
  onFailure: (error: unknown) => void;
}): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="ctx-divider" role="separator" aria-label={t('context:divider')}>
      <span className="ctx-divider-text">{t('context:divider')}</span>
      <button
        type="button"
        className="icon-button ctx-divider-remove"
        aria-label={t('context:removeBreak')}
        title={t('context:removeBreak')}
        onClick={() => setContextBreak(messageId, false).then(onReplace, onFailure)}
      >
        <Icon name="close" size={13} />
      </button>
    </div>
  );
}

/** The note on an answer for which earlier messages were dropped after `context_length_exceeded`. */
export function DroppedToFitNote({ count }: { count: number }): ReactElement {
  const { t } = useTranslation();
  return (
    <p className="dropped-note">
      <Icon name="alert" size={13} />
      {t('context:droppedToFit', { count })}
    </p>
  );
}
