import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';

interface VersionSwitcherProps {
  messageId: string;
  siblingIds: string[];
  disabled: boolean;
  onSwitch: (id: string) => void;
}

/** "‹ 2 / 3 ›": moves between the versions of a message (edits or regenerations). */
export function VersionSwitcher({
  messageId,
  siblingIds,
  disabled,
  onSwitch,
}: VersionSwitcherProps): ReactElement | null {
  const { t } = useTranslation();
  if (siblingIds.length < 2) return null;
  const index = Math.max(0, siblingIds.indexOf(messageId));
  const total = siblingIds.length;
  return (
    <div
      className="versions"
      role="group"
      aria-label={t('chat:actions.versionLabel', { current: index + 1, total })}
    >
      <button
        type="button"
        className="icon-button"
        aria-label={t('chat:actions.previousVersion')}
        title={t('chat:actions.previousVersion')}
        disabled={disabled || index === 0}
        onClick={() => onSwitch(siblingIds[index - 1])}
      >
        <Icon name="left" size={14} />
      </button>
      <span className="versions-label">{t('chat:actions.version', { current: index + 1, total })}</span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('chat:actions.nextVersion')}
        title={t('chat:actions.nextVersion')}
        disabled={disabled || index === total - 1}
        onClick={() => onSwitch(siblingIds[index + 1])}
      >
        <Icon name="right" size={14} />
      </button>
    </div>
  );
}
