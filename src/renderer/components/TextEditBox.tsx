import type { ReactElement } from 'react';

/** What a TextEditBox shows and says. */
interface TextEditBoxProps {
  /** The textarea's accessible name. */
  label: string;
  value: string;
  rows: number;
  onChange(value: string): void;
  onCancel(): void;
  onSave(value: string): void;
  cancelLabel: string;
  saveLabel: string;
  /** Saving is under way (or another action is): Save is disabled. */
  busy: boolean;
  /** The class of the buttons' row (each card lays it out its own way). */
  buttonsClassName: string;
}

/** A text being edited in place: the textarea, Cancel, and Save (disabled while empty or busy). */
export function TextEditBox(props: TextEditBoxProps): ReactElement {
  return (
    <>
      <textarea
        className="input textarea"
        aria-label={props.label}
        rows={props.rows}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
      />
      <div className={props.buttonsClassName}>
        <button type="button" className="btn btn-small" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
        <button
          type="button"
          className="btn btn-small btn-primary"
          disabled={props.busy || props.value.trim() === ''}
          onClick={() => props.onSave(props.value)}
        >
          {props.saveLabel}
        </button>
      </div>
    </>
  );
}
