import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import {
  archiveConversation,
  deleteConversation,
  pinConversation,
  renameConversation,
  reportLibraryError,
  restoreConversation,
  type LibraryView,
} from '../state/library';
import { openConversation } from '../state/navigation';
import { call } from '../bridge/api';
import { ConversationRow } from './ConversationRow';
import { downloadFile } from './download';
import { groupLabel, type SidebarRow } from './grouping';
import { RowMenu, type MenuAnchor, type RowAction } from './RowMenu';

const ROW_HEIGHT = 36;
const HEADER_HEIGHT = 30;
const FIRST_HEADER_HEIGHT = 26;

interface ConversationListProps {
  rows: SidebarRow[];
  view: LibraryView;
  activeId: string | null;
}

/**
 * The virtualized list of section headers and conversations: only the rows in view (plus a few)
 * are in the DOM, so 10,000 conversations scroll as smoothly as ten. ↑/↓ move between rows.
 */
export function ConversationList({ rows, view, activeId }: ConversationListProps): ReactElement {
  const { t, i18n } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<{ id: string; anchor: MenuAnchor } | null>(null);
  const [renamingId, setRenamingId] = useState<string | null>(null);

  // The virtualizer's functions are not memoizable; this app does not use the React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (index) =>
      rows[index]?.type === 'header' ? (index === 0 ? FIRST_HEADER_HEIGHT : HEADER_HEIGHT) : ROW_HEIGHT,
    getItemKey: (index) => rows[index]?.key ?? index,
    overscan: 12,
  });

  const focusRow = useCallback(
    (index: number) => {
      const find = (): HTMLElement | null | undefined =>
        scrollRef.current?.querySelector<HTMLElement>(`[data-index="${index}"] button`);
      virtualizer.scrollToIndex(index, { align: 'auto' });
      // Focus at once when the row is rendered (fast key repeat), else once it has been.
      const row = find();
      if (row) row.focus({ preventScroll: true });
      else requestAnimationFrame(() => find()?.focus({ preventScroll: true }));
    },
    [virtualizer],
  );

  const menuId = menu?.id ?? null;
  const closeMenu = useCallback(
    (restoreFocus: boolean) => {
      setMenu(null);
      // Found through the DOM, not `rows`, so the callback stays stable while the list refetches.
      if (restoreFocus && menuId) {
        scrollRef.current
          ?.querySelector<HTMLElement>(`[data-key="${CSS.escape(menuId)}"] .lib-row-more`)
          ?.focus();
      }
    },
    [menuId],
  );

  const onAction = (id: string, action: RowAction): void => {
    const row = rows.find((r) => r.key === id);
    setMenu(null);
    if (row?.type !== 'conversation') return;
    const c = row.conversation;
    if (action === 'rename') setRenamingId(id);
    else if (action === 'pin') void pinConversation(id, !c.pinned);
    else if (action === 'archive') void archiveConversation(id, !c.archived);
    else if (action === 'delete') void deleteConversation(id);
    else if (action === 'restore') void restoreConversation(id);
    else {
      call('conversation.export', { id, format: action === 'exportMarkdown' ? 'markdown' : 'json' })
        .then(downloadFile)
        .catch(reportLibraryError);
    }
  };

  const onRenameDone = (id: string, title: string | null): void => {
    setRenamingId(null);
    if (title) void renameConversation(id, title);
    const index = rows.findIndex((row) => row.key === id);
    if (index >= 0) focusRow(index);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const target = event.target as HTMLElement;
    if (target.tagName === 'INPUT') return;
    const current = Number(target.closest<HTMLElement>('[data-index]')?.dataset.index ?? -1);
    const step = event.key === 'ArrowDown' ? 1 : -1;
    let next = current + step;
    while (rows[next]?.type === 'header') next += step;
    if (next < 0 || next >= rows.length) return;
    event.preventDefault();
    focusRow(next);
  };

  const menuRow = menu ? rows.find((r) => r.key === menu.id) : undefined;

  return (
    <div ref={scrollRef} className="lib-scroll" onKeyDown={onKeyDown}>
      <div className="lib-virtual" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          return (
            <div
              key={item.key}
              data-index={item.index}
              data-key={row.key}
              className="lib-virtual-item"
              style={{ height: item.size, transform: `translateY(${item.start}px)` }}
            >
              {row.type === 'header' ? (
                <div
                  className={`lib-group${item.index === 0 ? ' lib-group-first' : ''}`}
                  role="heading"
                  aria-level={3}
                >
                  {groupLabel(row.group, t, i18n.language)}
                </div>
              ) : (
                <ConversationRow
                  conversation={row.conversation}
                  view={view}
                  active={row.conversation.id === activeId}
                  renaming={renamingId === row.conversation.id}
                  menuOpen={menu?.id === row.conversation.id}
                  onOpen={(id) => openConversation(id)}
                  onMenu={(id, anchor) => setMenu({ id, anchor })}
                  onRenameDone={onRenameDone}
                  onRestore={(id) => void restoreConversation(id)}
                />
              )}
            </div>
          );
        })}
      </div>
      {menu && menuRow?.type === 'conversation' && (
        <RowMenu
          conversation={menuRow.conversation}
          anchor={menu.anchor}
          onAction={(action) => onAction(menu.id, action)}
          onClose={closeMenu}
        />
      )}
    </div>
  );
}
