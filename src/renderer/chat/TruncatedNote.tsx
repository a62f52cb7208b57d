import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';

/** The most characters core keeps of one message; what is past it was cut on import or receipt. */
export const MESSAGE_CHAR_LIMIT = 2_000_000;

/** The note under a message that core cut to the size limit: how much was cut, and why. */
export function TruncatedNote({ cutChars }: { cutChars: number }): ReactElement {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language);
  return (
    <p className="msg-truncated" role="note">
      <Icon name="alert" size={14} />
      <span>
        {t('chat:longText.truncated', {
          cut: number.format(cutChars),
          limit: number.format(MESSAGE_CHAR_LIMIT),
        })}
      </span>
    </p>
  );
}
