import { useEffect, useRef, useState, type KeyboardEvent, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

interface MessageEditorProps {
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}

/** Inline editor for a user message: "Save & send" makes a new version, "Cancel" (or Escape) leaves it. */
export function MessageEditor({ initial, onSave, onCancel }: MessageEditorProps): ReactElement {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const area = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  useEffect(() => {
    const el = area.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${Math.min(el.scrollHeight, 400)}px`;
  }, [text]);

  const save = (): void => {
    if (text.trim()) onSave(text.trim());
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !event.nativeEvent.isComposing) {
      event.preventDefault();
      save();
    }
  };

  return (
    <div className="msg-editor">
      <textarea
        ref={area}
        className="msg-editor-input"
        aria-label={t('chat:editor.label')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="msg-editor-buttons">
        <button type="button" className="btn" onClick={onCancel}>
          {t('chat:editor.cancel')}
        </button>
        <button type="button" className="btn btn-primary" disabled={!text.trim()} onClick={save}>
          {t('chat:editor.saveAndSend')}
        </button>
      </div>
    </div>
  );
}
