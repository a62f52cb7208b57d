import { useEffect, useRef, useState, type MouseEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/schemas';
import type { LibraryView } from '../state/library';
import { Icon } from '../components/Icon';
import type { MenuAnchor } from './RowMenu';

interface ConversationRowProps {
  conversation: Conversation;
  view: LibraryView;
  active: boolean;
  renaming: boolean;
  menuOpen: boolean;
  onOpen: (id: string) => void;
  onMenu: (id: string, anchor: MenuAnchor) => void;
  onRenameDone: (id: string, title: string | null) => void;
  onRestore: (id: string) => void;
}

/**
 * One conversation in the sidebar: its title (opens it), a "More" button shown on hover or focus
 * (right-click opens the same menu), an inline rename field, or "Restore" in the Trash.
 */
export function ConversationRow(props: ConversationRowProps): ReactElement {
  const { conversation, view, active, renaming, menuOpen } = props;
  const { t } = useTranslation();
  const title = conversation.title.trim() || t('library:sidebar.untitled');

  if (renaming) return <RenameField conversation={conversation} onDone={props.onRenameDone} />;

  if (view === 'trash') {
    return (
      <div className="lib-row lib-row-trash">
        <span className="lib-row-title" title={title}>
          {title}
        </span>
        <button type="button" className="lib-row-restore" onClick={() => props.onRestore(conversation.id)}>
          <Icon className="lib-icon" name="restore" size={14} />
          <span>{t('library:actions.restore')}</span>
        </button>
      </div>
    );
  }

  const openMenuAt = (event: MouseEvent<HTMLElement>, atPointer: boolean): void => {
    event.preventDefault();
    const box = event.currentTarget.getBoundingClientRect();
    props.onMenu(
      conversation.id,
      atPointer && event.clientX
        ? { x: event.clientX, y: event.clientY }
        : { x: box.right - 8, y: box.bottom + 4 },
    );
  };

  return (
    <div
      className={`lib-row${active ? ' lib-row-active' : ''}${menuOpen ? ' lib-row-menu-open' : ''}`}
      onContextMenu={(event) => openMenuAt(event, true)}
    >
      <button
        type="button"
        className="lib-row-main"
        aria-current={active ? 'page' : undefined}
        title={title}
        onClick={() => props.onOpen(conversation.id)}
      >
        {conversation.pinned && view === 'active' && <Icon className="lib-icon" name="pin" size={13} />}
        <span className="lib-row-title">{title}</span>
      </button>
      <button
        type="button"
        className="lib-row-more"
        aria-label={t('library:actions.more')}
        title={t('library:actions.moreFor', { title })}
        aria-haspopup="true"
        aria-expanded={menuOpen}
        onClick={(event) => openMenuAt(event, false)}
      >
        <Icon className="lib-icon" name="more" />
      </button>
    </div>
  );
}

/** The inline title editor: Enter saves, Escape cancels, an empty title is refused. */
function RenameField({
  conversation,
  onDone,
}: {
  conversation: Conversation;
  onDone: (id: string, title: string | null) => void;
}): ReactElement {
  const { t } = useTranslation();
  const [value, setValue] = useState(conversation.title);
  const ref = useRef<HTMLInputElement>(null);
  const finished = useRef(false);
  const empty = value.trim() === '';

  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);

  const finish = (save: boolean): void => {
    if (finished.current) return;
    if (save && empty) return;
    finished.current = true;
    onDone(conversation.id, save && value.trim() !== conversation.title ? value.trim() : null);
  };

  return (
    <div className="lib-row lib-row-rename">
      <input
        ref={ref}
        className="lib-rename-input"
        aria-label={t('library:actions.renameInput')}
        aria-invalid={empty}
        title={empty ? t('library:actions.renameEmpty') : undefined}
        value={value}
        maxLength={500}
        onChange={(event) => setValue(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            finish(true);
          } else if (event.key === 'Escape') {
            event.preventDefault();
            event.stopPropagation();
            finish(false);
          }
        }}
        // Leaving the field keeps a valid title (like Finder), and drops an empty one.
        onBlur={() => finish(!empty)}
      />
    </div>
  );
}
