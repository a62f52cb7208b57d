import { useId, type ReactElement, type ReactNode } from 'react';
import { Modal } from './Modal';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Extra class for size variants (`dialog-wide`, `dialog-small`). */
  className?: string;
  /** Buttons shown at the bottom right. */
  footer?: ReactNode;
}

/**
 * A modal dialog with a title, a body and a footer of buttons: named by its title, Escape and the
 * backdrop close it, Tab stays inside, and focus goes back where it was when it closes (all from
 * `Modal`).
 */
export function Dialog({ title, onClose, children, className, footer }: DialogProps): ReactElement {
  const titleId = useId();
  return (
    <Modal labelledBy={titleId} onClose={onClose} className={className} variant="app">
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div className="dialog-body">{children}</div>
      {footer && <div className="dialog-footer">{footer}</div>}
    </Modal>
  );
}
