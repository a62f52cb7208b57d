import { useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { acceleratorFromKeyPress, displayAccelerator } from '../../shared/accelerator';

const MODIFIER_KEYS = new Set(['Control', 'Alt', 'Shift', 'Meta', 'AltGraph', 'OS']);

/** What the recorder reports: a recorded accelerator, or a key press that is not a shortcut. */
export type RecorderResult = { accelerator: string } | { problem: 'needsModifier' };

/**
 * A textbox that records a key combination: focus it, press the keys, and it reports the
 * accelerator (`Alt+Space`). Typing is never inserted; Esc and Tab leave it as it was.
 */
export function ShortcutRecorder(props: {
  id: string;
  describedBy: string | undefined;
  invalid: boolean;
  accelerator: string;
  platform: string;
  disabled?: boolean;
  onRecorded(result: RecorderResult): void;
}): ReactElement {
  const { t } = useTranslation();
  const [recording, setRecording] = useState(false);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'Tab') return;
    event.preventDefault();
    if (event.key === 'Escape' && !event.ctrlKey && !event.altKey && !event.metaKey) {
      event.currentTarget.blur();
      return;
    }
    if (MODIFIER_KEYS.has(event.key)) return;
    const accelerator = acceleratorFromKeyPress(event, props.platform);
    props.onRecorded(accelerator ? { accelerator } : { problem: 'needsModifier' });
    if (accelerator) event.currentTarget.blur();
  };
  return (
    <input
      id={props.id}
      className={`input shortcut-input${recording ? ' shortcut-recording' : ''}`}
      readOnly
      disabled={props.disabled}
      value={
        recording ? t('shell:settings.recording') : displayAccelerator(props.accelerator, props.platform)
      }
      aria-describedby={props.describedBy}
      aria-invalid={props.invalid}
      onFocus={() => setRecording(true)}
      onBlur={() => setRecording(false)}
      onKeyDown={onKeyDown}
    />
  );
}
