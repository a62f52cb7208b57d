import { memo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../shared/schemas';
import { ContextDivider, DroppedToFitNote, NotSentMark, type NotSentReason } from '../context/MessageMarks';
import { pickShownText, useStreamText } from '../state/streamStore';
import { AnswerSources } from '../youngerSelf/AnswerSources';
import { editAndSend } from './chatActions';
import type { ErrorContext } from './errorText';
import { LongText } from './LongText';
import { MessageActions } from './MessageActions';
import { MessageEditor } from './MessageEditor';
import type { MessageHandlers } from './messageHandlers';
import { MessageStatus } from './MessageStatus';
import { TruncatedNote } from './TruncatedNote';
import { useMessageText } from './useMessageText';

interface MessageItemProps {
  message: Message;
  /** This answer is streaming now (as far as the view knows). */
  live: boolean;
  /** Some answer in the conversation is streaming. */
  busy: boolean;
  highlighted: boolean;
  /** Why the message is outside the next request's context; null when it is sent. */
  notSent: NotSentReason | null;
  context: ErrorContext;
  /** List the diary entries the answer was sent with (a younger self's conversation). */
  showSources: boolean;
  handlers: MessageHandlers;
}

/**
 * One message: the user's as plain text (with an inline editor), the assistant's as markdown,
 * growing with the streamed deltas; status, errors and actions underneath.
 */
export const MessageItem = memo(function MessageItem(props: MessageItemProps): ReactElement {
  const { message, live, busy, highlighted, notSent, context, showSources, handlers } = props;
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const streamed = useStreamText(message.id);
  // A page carries only the head of a very long message; the rest is read as it is needed.
  const { text, total, loadMore, loadAll } = useMessageText(
    message,
    pickShownText(message.content, streamed),
    live,
  );
  const [editText, setEditText] = useState('');
  const isUser = message.role === 'user';

  const startEdit = (): void => {
    // The editor gets the whole text, or an edit would drop everything past the head.
    loadAll().then((whole) => {
      setEditText(whole);
      setEditing(true);
    }, handlers.onFailure);
  };
  const saveEdit = (content: string): void => {
    setEditing(false);
    if (content === editText.trim()) return;
    editAndSend(message.id, content).then(handlers.onStarted, handlers.onFailure);
  };
  const more = { total, onLoadMore: loadMore, onFailure: handlers.onFailure };

  return (
    <article
      className={`msg msg-${message.role}${highlighted ? ' msg-highlight' : ''}${notSent ? ' msg-not-sent' : ''}`}
      data-message-id={message.id}
      data-role={message.role}
      data-status={live ? 'streaming' : message.status}
      aria-busy={live || undefined}
    >
      <h3 className="sr-only">{isUser ? t('chat:messages.you') : t('chat:messages.assistant')}</h3>
      {notSent && <NotSentMark reason={notSent} />}
      {isUser ? (
        editing ? (
          <MessageEditor initial={editText} onSave={saveEdit} onCancel={() => setEditing(false)} />
        ) : (
          <div className="msg-bubble">
            <LongText text={text} markdown={false} streaming={false} {...more} />
          </div>
        )
      ) : text ? (
        <div className="msg-body">
          <LongText text={text} markdown streaming={live} {...more} />
        </div>
      ) : live ? (
        <p className="msg-thinking" role="status" aria-label={t('chat:messages.thinking')}>
          <span />
          <span />
          <span />
        </p>
      ) : null}
      {message.truncatedChars > 0 && <TruncatedNote cutChars={message.truncatedChars} />}
      {showSources && !isUser && !live && message.status === 'done' && (
        <AnswerSources answerId={message.id} conversationId={message.conversationId} />
      )}
      {message.droppedToFit > 0 && <DroppedToFitNote count={message.droppedToFit} />}
      {!live && <MessageStatus message={message} context={context} busy={busy} handlers={handlers} />}
      {!editing && !live && (
        <MessageActions
          message={message}
          wholeText={loadAll}
          busy={busy}
          handlers={handlers}
          onEdit={startEdit}
        />
      )}
      {message.contextBreak && (
        <ContextDivider
          messageId={message.id}
          onReplace={handlers.onReplace}
          onFailure={handlers.onFailure}
        />
      )}
    </article>
  );
});
