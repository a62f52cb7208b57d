import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { dismissLink, useUi } from '../state/ui';
import { Dialog } from './Dialog';

/** Asks "Open this link in your browser?" for a link clicked in a message, then opens it through main. */
export function LinkConfirmDialog(): ReactElement | null {
  const { t } = useTranslation();
  const { pendingLink } = useUi();
  const [error, setError] = useState<string | null>(null);
  if (!pendingLink) return null;

  const isHttps = /^https:\/\//i.test(pendingLink);
  const close = (): void => {
    setError(null);
    dismissLink();
  };
  const open = async (): Promise<void> => {
    try {
      await call('app.openExternal', { url: pendingLink });
      close();
    } catch (failure) {
      setError(errorText(t, failure).summary);
    }
  };

  return (
    <Dialog
      title={t('common:link.title')}
      onClose={close}
      className="dialog-small"
      footer={
        <>
          <button type="button" className="btn" onClick={close}>
            {t('common:cancel')}
          </button>
          <button type="button" className="btn btn-primary" disabled={!isHttps} onClick={() => void open()}>
            {t('common:link.open')}
          </button>
        </>
      }
    >
      <p className="link-url">{pendingLink}</p>
      {!isHttps && <p className="field-error">{t('common:link.onlyHttps')}</p>}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
