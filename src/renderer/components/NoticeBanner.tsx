import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { getStartupNotices } from '../state/settingsStore';

/**
 * Tells the user, once, what happened at start that they must know: a database that could not be
 * opened was set aside (never deleted), with where it is and how to recover it.
 */
export function NoticeBanner(): ReactElement | null {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState(false);
  const notices = getStartupNotices().filter((notice) => notice.kind === 'set_aside');
  if (dismissed || notices.length === 0) return null;
  return (
    <div className="notice-banner" role="alert">
      {notices.map((notice) => (
        <p key={notice.path}>
          <strong>{t('common:notices.setAsideTitle')}</strong>{' '}
          {t('common:notices.setAside', { path: notice.path })}
        </p>
      ))}
      <button type="button" className="btn" onClick={() => setDismissed(true)}>
        {t('common:notices.dismiss')}
      </button>
    </div>
  );
}
