import { useId, useState, type ReactElement } from 'react';

/**
 * One labelled text box and its button on one line ("Download from a Hugging Face address",
 * "Add a .gguf file"): submits the trimmed text, and nothing while it is empty.
 */
export function InlineInputForm({
  label,
  placeholder,
  button,
  hint,
  onSubmit,
}: {
  label: string;
  placeholder: string;
  button: string;
  hint?: string;
  onSubmit: (value: string) => void;
}): ReactElement {
  const [value, setValue] = useState('');
  const id = useId();
  return (
    <form
      className="lm-inline"
      onSubmit={(event) => {
        event.preventDefault();
        if (value.trim()) onSubmit(value.trim());
      }}
    >
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        value={value}
        placeholder={placeholder}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(event) => setValue(event.target.value)}
      />
      <button type="submit" className="btn btn-small">
        {button}
      </button>
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
    </form>
  );
}
