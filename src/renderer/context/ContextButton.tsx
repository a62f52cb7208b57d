import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { closeInspector, openInspector, useInspectorTarget } from './inspectorStore';

/** The "Context" button of the conversation's header: opens (or closes) the context inspector. */
export function ContextButton(): ReactElement {
  const { t } = useTranslation();
  const target = useInspectorTarget();
  const showingNext = target.open && target.answerId === null;
  return (
    <button
      type="button"
      className={`btn btn-small header-context${target.open ? ' is-active' : ''}`}
      aria-expanded={target.open}
      title={t('context:openHint')}
      onClick={() => (showingNext ? closeInspector() : openInspector(null))}
    >
      <Icon name="layers" size={15} />
      <span>{t('context:open')}</span>
    </button>
  );
}
