import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_MESSAGE_CHARS } from '../../shared/limits';
import { Icon } from '../components/Icon';

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
          limit: number.format(MAX_MESSAGE_CHARS),
        })}
      </span>
    </p>
  );
}
