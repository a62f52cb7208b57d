import {
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

/** One entry of a popover menu. */
export interface MenuEntry {
  key: string;
  label: string;
  /** Drawn before the label (an avatar or an icon). */
  leading?: ReactNode;
  /** Marks the current choice (e.g. the conversation's persona). */
  checked?: boolean;
  /** A line above this entry. */
  separatorBefore?: boolean;
  onSelect: () => void;
}

interface PopoverMenuProps {
  label: string;
  /** The button it opens from: the menu is placed under it, and focus goes back to it. */
  anchor: HTMLElement;
  entries: MenuEntry[];
  onClose: () => void;
}

/**
 * A small menu of real buttons under its anchor, in the library's menu style: ↑/↓ move, Escape
 * closes and gives focus back, a click outside closes it.
 */
export function PopoverMenu({ label, anchor, entries, onClose }: PopoverMenuProps): ReactElement {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState(() => {
    const box = anchor.getBoundingClientRect();
    return { x: box.left, y: box.bottom + 4 };
  });

  // Keep it inside the window.
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    const start = anchor.getBoundingClientRect();
    setPosition({
      x: Math.max(8, Math.min(start.left, window.innerWidth - box.width - 8)),
      y: Math.min(start.bottom + 4, window.innerHeight - box.height - 8),
    });
  }, [anchor]);

  useEffect(() => {
    (
      ref.current?.querySelector<HTMLElement>('[aria-checked="true"]') ?? ref.current?.querySelector('button')
    )?.focus();
    const onPointer = (event: PointerEvent): void => {
      if (!ref.current?.contains(event.target as Node) && !anchor.contains(event.target as Node)) onClose();
    };
    window.addEventListener('resize', onClose);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('resize', onClose);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [anchor, onClose]);

  const close = (): void => {
    onClose();
    anchor.focus();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    const buttons = [...(ref.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      buttons[(index + step + buttons.length) % buttons.length]?.focus();
    } else if (event.key === 'Tab') {
      onClose();
    }
  };

  return createPortal(
    <div
      ref={ref}
      className="lib-root lib-menu persona-menu"
      role="menu"
      aria-label={label}
      style={{ left: position.x, top: position.y }}
      onKeyDown={onKeyDown}
    >
      {entries.map((entry) => (
        <div key={entry.key} role="none">
          {entry.separatorBefore && <div className="lib-menu-sep" role="separator" />}
          <button
            type="button"
            role={entry.checked === undefined ? 'menuitem' : 'menuitemradio'}
            aria-checked={entry.checked}
            className="lib-menu-item persona-menu-item"
            onClick={() => {
              close();
              entry.onSelect();
            }}
          >
            {entry.leading}
            <span className="persona-menu-label">{entry.label}</span>
            {entry.checked && (
              <span className="persona-menu-check" aria-hidden="true">
                ✓
              </span>
            )}
          </button>
        </div>
      ))}
    </div>,
    document.body,
  );
}
