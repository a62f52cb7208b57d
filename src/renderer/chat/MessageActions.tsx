import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Message } from '../../shared/schemas';
import { copyText, useCopied } from '../components/clipboard';
import { Icon, type ChatIconName } from '../components/Icon';
import { setContextBreak } from '../context/contextActions';
import { AnswerUsage } from '../context/MessageMarks';
import { openInspector } from '../context/inspectorStore';
import { deleteMessage, regenerate, switchVersion } from './chatActions';
import type { MessageHandlers } from './messageHandlers';
import { VersionSwitcher } from './VersionSwitcher';

interface MessageActionsProps {
  message: Message;
  /** The whole text (read first when the page carried only its head; what is shown while streaming). */
  wholeText: () => Promise<string>;
  /** Some answer in this conversation is streaming: actions that start another are disabled. */
  busy: boolean;
  handlers: MessageHandlers;
  onEdit: () => void;
}

function ActionButton(props: {
  label: string;
  icon: ChatIconName;
  onClick: () => void;
  disabled?: boolean;
}): ReactElement {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={props.label}
      title={props.label}
      disabled={props.disabled}
      onClick={props.onClick}
    >
      <Icon name={props.icon} size={15} />
    </button>
  );
}

/** The row under a message: version switcher, Copy, Edit or Regenerate, Show context, Clear context here, Delete. */
export function MessageActions({
  message,
  wholeText,
  busy,
  handlers,
  onEdit,
}: MessageActionsProps): ReactElement {
  const { t } = useTranslation();
  const [copied, markCopied] = useCopied();

  const run = <T,>(action: () => Promise<T>, then: (result: T) => void): void => {
    action().then(then, handlers.onFailure);
  };
  const isUser = message.role === 'user';

  return (
    <div className="msg-actions">
      <VersionSwitcher
        messageId={message.id}
        siblingIds={message.siblingIds}
        disabled={busy}
        onSwitch={(id) => run(() => switchVersion(id), handlers.onReplace)}
      />
      <ActionButton
        label={t('chat:actions.copy')}
        icon={copied ? 'check' : 'copy'}
        onClick={() => run(() => wholeText().then(copyText), markCopied)}
      />
      {isUser ? (
        <ActionButton label={t('chat:actions.edit')} icon="edit" disabled={busy} onClick={onEdit} />
      ) : (
        <ActionButton
          label={t('chat:actions.regenerate')}
          icon="refresh"
          disabled={busy}
          onClick={() => run(() => regenerate(message.id), handlers.onStarted)}
        />
      )}
      {!isUser && (
        <ActionButton
          label={t('context:showContext')}
          icon="layers"
          onClick={() => openInspector(message.id)}
        />
      )}
      {!message.contextBreak && (
        <ActionButton
          label={t('context:clearHere')}
          icon="scissors"
          disabled={busy}
          onClick={() => run(() => setContextBreak(message.id, true), handlers.onReplace)}
        />
      )}
      <ActionButton
        label={t('chat:actions.delete')}
        icon="trash"
        disabled={busy}
        onClick={() => run(() => deleteMessage(message.id), handlers.onReplace)}
      />
      {!isUser && <AnswerUsage message={message} />}
      {copied && (
        <span className="msg-copied" role="status">
          {t('chat:actions.copied')}
        </span>
      )}
    </div>
  );
}
