import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../chat/errorText';
import { Icon } from '../components/Icon';
import { dismissPersonaToast, undoPersonaDelete, usePersonas } from '../state/personaStore';

/** "Persona deleted · Undo" for a few seconds after a delete, or a failure in plain words. */
export function PersonaToast(): ReactElement {
  const { t } = useTranslation();
  const { toast } = usePersonas();
  const failure = toast?.kind === 'error' && toast.error ? errorText(t, toast.error) : null;
  return (
    <div className="persona-toast-region" role="status" aria-live="polite">
      {toast && (
        <div key={toast.id} className={`persona-toast${failure ? ' persona-toast-error' : ''}`}>
          <span className="persona-toast-text">
            {failure
              ? `${failure.summary}${failure.detail ? ` ${failure.detail}` : ''}`
              : t('personas:toast.deleted')}
          </span>
          {toast.kind === 'deleted' && (
            <button type="button" className="persona-toast-action" onClick={() => void undoPersonaDelete()}>
              {t('personas:toast.undo')}
            </button>
          )}
          <button
            type="button"
            className="icon-button persona-toast-close"
            aria-label={t('personas:toast.dismiss')}
            onClick={dismissPersonaToast}
          >
            <Icon name="close" size={14} />
          </button>
        </div>
      )}
    </div>
  );
}
