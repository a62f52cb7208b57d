import { useState, type ReactElement, type ReactNode } from 'react';
import { PopoverMenu, type MenuEntry } from './PopoverMenu';

/** Props of {@link HeaderMenuButton}. */
export interface HeaderMenuButtonProps {
  /** What is chosen now, shown on the chip. */
  name: string;
  /** The chip's accessible name ("Persona: Skippy"). */
  label: string;
  /** The menu's accessible name. */
  menuLabel: string;
  /** The chip's tooltip (default: the menu's name). */
  title?: string;
  /** Extra classes on the chip. */
  className?: string;
  /** Shown before the name (an avatar). */
  icon?: ReactNode;
  entries: MenuEntry[];
}

/**
 * A chip in the conversation header that opens a menu under it: the persona and provider pickers.
 */
export function HeaderMenuButton(props: HeaderMenuButtonProps): ReactElement {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <button
        type="button"
        className={`header-chip${props.className ? ` ${props.className}` : ''}`}
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-label={props.label}
        title={props.title ?? props.menuLabel}
        onClick={(event) => setAnchor(anchor ? null : event.currentTarget)}
      >
        {props.icon}
        <span className="header-chip-name">{props.name}</span>
        <span className="header-chip-caret" aria-hidden="true">
          ▾
        </span>
      </button>
      {anchor && (
        <PopoverMenu
          label={props.menuLabel}
          anchor={anchor}
          entries={props.entries}
          onClose={() => setAnchor(null)}
        />
      )}
    </>
  );
}
