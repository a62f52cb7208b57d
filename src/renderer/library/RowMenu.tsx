import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/schemas';
import { Icon, type IconName } from '../components/Icon';

/** What a conversation's menu can ask for. */
export type RowAction = 'rename' | 'pin' | 'archive' | 'delete' | 'exportMarkdown' | 'exportJson' | 'restore';

/** Where the menu opens: under its button, or at the pointer (right-click). */
export interface MenuAnchor {
  x: number;
  y: number;
}

interface RowMenuProps {
  conversation: Conversation;
  anchor: MenuAnchor;
  onAction: (action: RowAction) => void;
  /** Closes the menu; `restoreFocus` when closed from the keyboard. */
  onClose: (restoreFocus: boolean) => void;
}

interface Item {
  action: RowAction;
  label: string;
  icon: IconName;
  danger?: boolean;
}

/**
 * The actions of one conversation, as a small popover of real buttons (each with its own
 * accessible name): ↑/↓ move between them, Escape closes and gives focus back to "More".
 */
export function RowMenu({ conversation, anchor, onAction, onClose }: RowMenuProps): ReactElement {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(anchor);
  const [exportOpen, setExportOpen] = useState(false);

  const items: Item[] = [{ action: 'rename', label: t('library:actions.rename'), icon: 'pencil' }];
  if (!conversation.archived) {
    items.push({
      action: 'pin',
      label: t(conversation.pinned ? 'library:actions.unpin' : 'library:actions.pin'),
      icon: 'pin',
    });
  }
  items.push({
    action: 'archive',
    label: t(conversation.archived ? 'library:actions.unarchive' : 'library:actions.archive'),
    icon: 'archive',
  });

  // Keep the popover inside the window, flipping up or left near the edges.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const x = Math.max(8, Math.min(anchor.x, window.innerWidth - box.width - 8));
    const y = anchor.y + box.height > window.innerHeight - 8 ? Math.max(8, anchor.y - box.height) : anchor.y;
    setPosition({ x, y });
  }, [anchor, exportOpen]);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const onPointer = (event: PointerEvent): void => {
      if (!ref.current?.contains(event.target as Node)) onClose(false);
    };
    const onBlurWindow = (): void => onClose(false);
    document.addEventListener('pointerdown', onPointer, true);
    window.addEventListener('blur', onBlurWindow);
    window.addEventListener('resize', onBlurWindow);
    return () => {
      document.removeEventListener('pointerdown', onPointer, true);
      window.removeEventListener('blur', onBlurWindow);
      window.removeEventListener('resize', onBlurWindow);
    };
  }, [onClose]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose(true);
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      buttons[event.key === 'Home' ? 0 : buttons.length - 1]?.focus();
    } else if (event.key === 'Tab') {
      onClose(false);
    }
  };

  const button = (item: Item): ReactElement => (
    <button
      key={item.action}
      type="button"
      className={`lib-menu-item${item.danger ? ' lib-danger' : ''}`}
      onClick={() => onAction(item.action)}
    >
      <Icon className="lib-icon" name={item.icon} />
      <span>{item.label}</span>
    </button>
  );

  return createPortal(
    <div
      ref={ref}
      className="lib-menu lib-root"
      role="group"
      aria-label={t('library:actions.moreFor', {
        title: conversation.title || t('library:sidebar.untitled'),
      })}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
      onContextMenu={(event) => event.preventDefault()}
    >
      {items.map(button)}
      <button
        type="button"
        className="lib-menu-item"
        aria-expanded={exportOpen}
        onClick={() => setExportOpen((open) => !open)}
      >
        <Icon className="lib-icon" name="download" />
        <span>{t('library:actions.export')}</span>
        <span className="lib-menu-caret" aria-hidden="true">
          {exportOpen ? '▾' : '▸'}
        </span>
      </button>
      {exportOpen && (
        <div className="lib-menu-sub">
          {button({ action: 'exportMarkdown', label: t('library:actions.exportMarkdown'), icon: 'file' })}
          {button({ action: 'exportJson', label: t('library:actions.exportJson'), icon: 'file' })}
        </div>
      )}
      <div className="lib-menu-sep" role="separator" />
      {button({ action: 'delete', label: t('library:actions.delete'), icon: 'trashLines', danger: true })}
    </div>,
    document.body,
  );
}
