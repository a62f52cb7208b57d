import { useId, useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonaAvatar } from './PersonaAvatar';
import { isImageAvatar, MAX_AVATAR_BYTES } from './personaForm';

/** Reads an image file as a data URL. */
function readDataUrl(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.readAsDataURL(file);
  });
}

/** The avatar: an emoji typed in, or a small image picked from a file (kept inline as a data URL). */
export function AvatarField({
  value,
  onChange,
}: {
  value: string;
  onChange: (avatar: string) => void;
}): ReactElement {
  const { t } = useTranslation();
  const id = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);
  const image = isImageAvatar(value);

  const pick = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (file.size > MAX_AVATAR_BYTES) {
      setError(t('personas:editor.imageTooLarge'));
      return;
    }
    const url = await readDataUrl(file).catch(() => '');
    if (!isImageAvatar(url)) {
      setError(t('personas:editor.imageUnreadable'));
      return;
    }
    setError(null);
    onChange(url);
  };

  return (
    <div className="field persona-avatar-field">
      <label className="field-label" htmlFor={image ? `${id}-pick` : id}>
        {t('personas:editor.avatar')}
      </label>
      <div className="persona-avatar-row">
        <PersonaAvatar avatar={value} size="large" />
        {image ? (
          <button type="button" className="btn btn-small" onClick={() => onChange('🙂')}>
            {t('personas:editor.removeImage')}
          </button>
        ) : (
          <input
            id={id}
            className="input persona-emoji-input"
            value={value}
            maxLength={16}
            aria-describedby={`${id}-hint`}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        <button
          id={`${id}-pick`}
          type="button"
          className="btn btn-small"
          onClick={() => fileRef.current?.click()}
        >
          {t('personas:editor.chooseImage')}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="image/png,image/jpeg,image/gif,image/webp,image/svg+xml"
          hidden
          onChange={(event) => {
            void pick(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </div>
      <p className="field-hint" id={`${id}-hint`}>
        {t('personas:editor.avatarHint')}
      </p>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
