import {
  useEffect,
  useRef,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { createPortal } from 'react-dom';

/** The dialog's accessible name: a label, or the id of the element that names it (its heading). */
type ModalName = { label: string; labelledBy?: never } | { label?: never; labelledBy: string };

type ModalProps = ModalName & {
  onClose: () => void;
  /** Extra classes for the box (size variants and the like). */
  className?: string;
  children: ReactNode;
  /** Extra props for the dialog box (e.g. drag-and-drop handlers). */
  boxProps?: HTMLAttributes<HTMLDivElement>;
  /** The look: the library's overlay (default) or the app's dialog. */
  variant?: 'library' | 'app';
};

const LOOKS = {
  library: { backdrop: 'lib-root lib-backdrop', box: 'lib-modal' },
  app: { backdrop: 'dialog-backdrop', box: 'dialog' },
} as const;

const FOCUSABLE =
  'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea, [href], [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog over a dimmed backdrop: focus moves in and stays in (Tab wraps), Escape or a
 * click on the backdrop closes it, and focus returns where it was. The one modal primitive: the
 * library's dialogs use it directly, the app's `Dialog` builds on it.
 */
export function Modal({
  label,
  labelledBy,
  onClose,
  className,
  children,
  boxProps,
  variant = 'library',
}: ModalProps): ReactElement {
  const boxRef = useRef<HTMLDivElement>(null);
  const look = LOOKS[variant];

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    const box = boxRef.current;
    if (box && !box.contains(document.activeElement)) {
      (
        box.querySelector<HTMLElement>('[data-autofocus]') ??
        box.querySelector<HTMLElement>(FOCUSABLE) ??
        box
      ).focus();
    }
    return () => {
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  // When the content changes under focus (a step of a dialog replaced), keep focus inside, so
  // Escape and Tab keep working.
  useEffect(() => {
    const box = boxRef.current;
    if (box && (document.activeElement === document.body || document.activeElement === null)) {
      (box.querySelector<HTMLElement>('[data-autofocus]') ?? box).focus();
    }
  });

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Tab' && boxRef.current) {
      const items = [...boxRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      if (!items.length) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  return createPortal(
    <div
      className={look.backdrop}
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        {...boxProps}
        ref={boxRef}
        className={`${look.box} ${className ?? ''}`}
        role="dialog"
        aria-modal="true"
        aria-label={label}
        aria-labelledby={labelledBy}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
