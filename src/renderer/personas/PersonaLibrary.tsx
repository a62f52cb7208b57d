import { useRef, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { Icon } from '../components/Icon';
import { Modal } from '../components/Modal';
import { downloadFile } from '../library/download';
import {
  closePersonaLibrary,
  notePersona,
  reportPersonaError,
  selectPersona,
  usePersonas,
} from '../state/personaStore';
import { getStartupNotices, useSettings } from '../state/settingsStore';
import { PersonaAvatar } from './PersonaAvatar';
import { PersonaEditor } from './PersonaEditor';
import { PersonaToast } from './PersonaToast';
import './personas.css';

/** A file's outcome in the import notice: how many were added, or why it was refused. */
type ImportNotice = { kind: 'added'; count: number } | { kind: 'refused'; name: string; error: unknown };

/**
 * The persona library: the list (avatar and name) on the left with "New persona", Import and
 * Export all; the selected persona's editor on the right. A large modal over the app.
 */
export function PersonaLibrary(): ReactElement {
  const { t } = useTranslation();
  const { items, loaded, error, selection } = usePersonas();
  const appModel = useSettings().current?.settings.model ?? '';
  const fileRef = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<ImportNotice | null>(null);
  const selected = selection?.kind === 'persona' ? (items.find((p) => p.id === selection.id) ?? null) : null;
  const damaged = getStartupNotices().some((n) => n.kind === 'personas_damaged');

  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    try {
      const { added } = await call('persona.import', { name: file.name, text: await file.text() });
      added.forEach(notePersona);
      setNotice({ kind: 'added', count: added.length });
      if (added[0]) selectPersona({ kind: 'persona', id: added[0].id });
    } catch (failure) {
      setNotice({ kind: 'refused', name: file.name, error: failure });
    }
  };
  const exportAll = (): void => {
    call('persona.export', {}).then(downloadFile).catch(reportPersonaError);
  };
  const refusal = notice?.kind === 'refused' ? errorText(t, notice.error) : null;

  return (
    <Modal
      labelledBy="persona-library-title"
      onClose={closePersonaLibrary}
      variant="app"
      className="persona-dialog"
    >
      <header className="persona-header">
        <h2 id="persona-library-title" className="dialog-title persona-title">
          {t('personas:title')}
        </h2>
        <button
          type="button"
          className="btn btn-small btn-quiet"
          title={t('personas:importHint')}
          onClick={() => fileRef.current?.click()}
        >
          <Icon name="upload" size={15} />
          {t('personas:import')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-quiet"
          onClick={exportAll}
          disabled={items.length === 0}
        >
          <Icon name="download" size={15} />
          {t('personas:exportAll')}
        </button>
        <button
          type="button"
          className="icon-button header-button"
          aria-label={t('personas:close')}
          onClick={closePersonaLibrary}
        >
          <Icon name="close" />
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          hidden
          data-testid="persona-import-input"
          onChange={(event) => {
            void importFile(event.target.files?.[0]);
            event.target.value = '';
          }}
        />
      </header>
      {(notice || damaged) && (
        <div className="persona-notices">
          {damaged && <p className="notice notice-warning">{t('personas:damaged')}</p>}
          {notice && (
            <p
              className={`notice ${notice.kind === 'refused' ? 'notice-warning' : 'persona-notice-ok'}`}
              role="alert"
            >
              {notice.kind === 'added' ? (
                t('personas:imported', { count: notice.count })
              ) : (
                <>
                  <strong>{t('personas:importRefused', { name: notice.name })}</strong> {refusal?.summary}
                  {refusal?.detail && <span className="persona-notice-detail">{refusal.detail}</span>}
                </>
              )}
            </p>
          )}
        </div>
      )}
      <div className="persona-body">
        <aside className="persona-list-pane">
          <button type="button" className="persona-new" onClick={() => selectPersona({ kind: 'new' })}>
            <Icon name="edit" size={16} />
            <span>{t('personas:newPersona')}</span>
          </button>
          {!loaded ? (
            <p className="persona-muted">{t('personas:loading')}</p>
          ) : error && items.length === 0 ? (
            <p className="persona-muted" role="alert">
              {t('personas:loadFailed', { message: errorText(t, error).summary })}
            </p>
          ) : items.length === 0 ? (
            <p className="persona-muted">{t('personas:empty')}</p>
          ) : (
            <ul className="persona-list" aria-label={t('personas:listLabel')}>
              {items.map((persona) => (
                <li key={persona.id}>
                  <button
                    type="button"
                    className="persona-row"
                    aria-current={selected?.id === persona.id ? 'true' : undefined}
                    onClick={() => selectPersona({ kind: 'persona', id: persona.id })}
                  >
                    <PersonaAvatar avatar={persona.avatar} size="small" />
                    <span className="persona-row-name">{persona.name}</span>
                    {persona.builtIn && <span className="persona-row-tag">{t('personas:builtIn')}</span>}
                  </button>
                </li>
              ))}
            </ul>
          )}
        </aside>
        <div className="persona-editor-pane">
          {selection?.kind === 'new' ? (
            <PersonaEditor key="new" persona={null} appModel={appModel} />
          ) : selected ? (
            <PersonaEditor key={selected.id} persona={selected} appModel={appModel} />
          ) : (
            <p className="persona-empty-editor">{t('personas:nothingSelected')}</p>
          )}
        </div>
      </div>
      <PersonaToast />
    </Modal>
  );
}
