import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../shared/schemas';
import { Icon } from '../components/Icon';
import { regenerate } from './chatActions';
import { errorText, type ErrorContext } from './errorText';
import type { MessageHandlers } from './messageHandlers';

interface MessageStatusProps {
  message: Message;
  context: ErrorContext;
  busy: boolean;
  handlers: MessageHandlers;
}

/**
 * What went wrong with an answer, on the answer itself: the translated reason and the service's
 * detail for an error, an "Interrupted" badge for a cut-off answer, and "Retry" for both.
 */
export function MessageStatus({ message, context, busy, handlers }: MessageStatusProps): ReactElement | null {
  const { t } = useTranslation();
  const failed = message.status === 'error' || (message.error !== null && message.status !== 'streaming');
  const interrupted = message.status === 'interrupted';
  if (!failed && !interrupted) return null;

  const retry = (): void => {
    regenerate(message.id).then(handlers.onStarted, handlers.onFailure);
  };
  const text = message.error
    ? errorText(t, message.error, { ...context, model: message.model ?? context.model })
    : null;

  return (
    <div
      className={failed ? 'msg-status msg-status-error' : 'msg-status'}
      role={failed ? 'alert' : undefined}
    >
      {interrupted && <span className="badge">{t('chat:messages.interrupted')}</span>}
      {text && (
        <div className="msg-error-text">
          <Icon name="alert" size={16} />
          <div>
            <p className="msg-error-summary">{text.summary}</p>
            {text.detail && <p className="msg-error-detail">{text.detail}</p>}
          </div>
        </div>
      )}
      {message.role === 'assistant' && (
        <button type="button" className="btn btn-small" disabled={busy} onClick={retry}>
          <Icon name="refresh" size={14} />
          <span>{t('chat:actions.retry')}</span>
        </button>
      )}
    </div>
  );
}
