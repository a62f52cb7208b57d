import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';

/** The calm middle of a new chat: a greeting and a hint, or "Loading…" while a conversation opens. */
export function EmptyChat({ loading }: { loading: boolean }): ReactElement {
  const { t } = useTranslation();
  return (
    <div className="empty-chat">
      {loading ? (
        <p className="muted">{t('common:loading')}</p>
      ) : (
        <>
          <div className="empty-logo" aria-hidden="true">
            P
          </div>
          <h2>{t('chat:empty.title')}</h2>
          <p className="muted">{t('chat:empty.hint')}</p>
        </>
      )}
    </div>
  );
}
