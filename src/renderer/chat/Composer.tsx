import {
  useLayoutEffect,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type ReactElement,
  type ReactNode,
} from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { publishDraft } from '../context/draftStore';
import { autosizeHeight, isSendKey } from './composerKeys';

interface ComposerProps {
  /** An answer is streaming: the button is "Stop" and Enter does not send. */
  streaming: boolean;
  /** Sends the text; resolves false when it failed (the text is then put back). */
  onSend: (text: string) => Promise<boolean>;
  onStop: () => void;
  /** Shown beside the hint (the "Tokens" count). */
  meter?: ReactNode;
}

const MIN_HEIGHT = 24;
const MAX_HEIGHT = 240;

/**
 * The message box: autosizing, Enter sends, Shift+Enter is a new line, and Enter that confirms a
 * Chinese (IME) candidate never sends. While an answer streams the button becomes "Stop".
 */
export function Composer({ streaming, onSend, onStop, meter }: ComposerProps): ReactElement {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);

  useLayoutEffect(() => {
    // Before the paint: the token count re-renders in the same frame as the keystroke.
    publishDraft(text);
    const el = input.current;
    if (!el) return;
    el.style.height = 'auto';
    el.style.height = `${autosizeHeight(el.scrollHeight, MIN_HEIGHT, MAX_HEIGHT)}px`;
    el.style.overflowY = el.scrollHeight > MAX_HEIGHT ? 'auto' : 'hidden';
  }, [text]);

  const send = async (): Promise<void> => {
    const content = text.trim();
    if (!content || streaming) return;
    setText('');
    const ok = await onSend(content);
    if (!ok) setText((current) => (current === '' ? content : current));
  };

  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>): void => {
    const { key, shiftKey, altKey, keyCode, nativeEvent } = event;
    if (
      !isSendKey({ key, shiftKey, altKey, keyCode, isComposing: nativeEvent.isComposing }, composing.current)
    )
      return;
    event.preventDefault();
    void send();
  };

  const onSubmit = (event: FormEvent): void => {
    event.preventDefault();
    if (streaming) onStop();
    else void send();
  };

  const canSend = text.trim().length > 0;
  return (
    <form className="composer" onSubmit={onSubmit}>
      <div className="composer-box">
        <textarea
          ref={input}
          className="composer-input"
          data-composer-input
          aria-label={t('chat:composer.label')}
          placeholder={t('chat:composer.placeholder')}
          rows={1}
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKeyDown}
          onCompositionStart={() => (composing.current = true)}
          onCompositionEnd={() => (composing.current = false)}
        />
        {streaming ? (
          <button
            type="submit"
            className="composer-button composer-stop"
            aria-label={t('chat:composer.stop')}
            title={t('chat:composer.stop')}
          >
            <Icon name="stop" size={14} />
          </button>
        ) : (
          <button
            type="submit"
            className="composer-button"
            disabled={!canSend}
            aria-label={t('chat:composer.send')}
            title={t('chat:composer.send')}
          >
            <Icon name="send" size={18} />
          </button>
        )}
      </div>
      <div className="composer-meta">
        <p className="composer-hint" aria-hidden="true">
          {t('chat:composer.hint')}
        </p>
        {meter}
      </div>
    </form>
  );
}
