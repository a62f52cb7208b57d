import { useId, type InputHTMLAttributes, type ReactElement, type ReactNode } from 'react';

interface FieldProps {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  /** Renders the control with the ids it must carry (label target, description, invalid state). */
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }) => ReactNode;
  className?: string;
}

/** A labelled form control with an optional hint and an inline error announced to screen readers. */
export function Field({ label, hint, error, children, className }: FieldProps): ReactElement {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [hint ? hintId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${className ?? ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      {children({ id, describedBy, invalid: Boolean(error) })}
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

type InputAttributes = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'id' | 'className' | 'value' | 'onChange' | 'aria-describedby' | 'aria-invalid'
>;

interface InputFieldProps extends InputAttributes {
  label: string;
  hint?: ReactNode;
  error?: string | null;
  value: string;
  onValueChange: (value: string) => void;
  /** Rendered after the input, inside the field (e.g. its `<datalist>`). */
  after?: ReactNode;
}

/** A `<Field>` holding one text-like `<input>`, wired to the field's label, hint and error. */
export function InputField({
  label,
  hint,
  error,
  value,
  onValueChange,
  after,
  ...input
}: InputFieldProps): ReactElement {
  return (
    <Field label={label} hint={hint} error={error}>
      {({ id, describedBy, invalid }) => (
        <>
          <input
            {...input}
            id={id}
            className="input"
            value={value}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onValueChange(e.target.value)}
          />
          {after}
        </>
      )}
    </Field>
  );
}

/** A checkbox with its label beside it. */
export function CheckField({
  label,
  checked,
  onCheckedChange,
}: {
  label: ReactNode;
  checked: boolean;
  onCheckedChange: (checked: boolean) => void;
}): ReactElement {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} onChange={(e) => onCheckedChange(e.target.checked)} />
      <span>{label}</span>
    </label>
  );
}
