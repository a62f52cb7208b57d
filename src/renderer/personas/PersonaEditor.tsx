import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Persona } from '../../shared/contextSchemas';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { downloadFile } from '../library/download';
import { Field, InputField } from '../components/Field';
import { Icon } from '../components/Icon';
import {
  deletePersona,
  notePersona,
  reportPersonaError,
  selectPersona,
  startChatWithPersona,
} from '../state/personaStore';
import { AvatarField } from './AvatarField';
import { ExampleList } from './ExampleList';
import { ModelSettingsFields } from './ModelSettingsFields';
import {
  EMPTY_PERSONA,
  fromDraft,
  toDraft,
  type DraftError,
  type DraftField,
  type PersonaDraft,
} from './personaForm';

interface PersonaEditorProps {
  /** The persona to edit; null for a new one. Remount (a `key`) to edit another. */
  persona: Persona | null;
  appModel: string;
}

/** Edits one persona: name, avatar, prompts, examples, model settings; Save, Delete, New chat. */
export function PersonaEditor({ persona, appModel }: PersonaEditorProps): ReactElement {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<PersonaDraft>(() => toDraft(persona ?? EMPTY_PERSONA));
  const [errors, setErrors] = useState<Partial<Record<DraftField, DraftError>>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const change = (patch: Partial<PersonaDraft>): void => {
    setDraft((current) => ({ ...current, ...patch }));
    setStatus('idle');
  };
  const errorOf = (field: DraftField): string | null => {
    const error = errors[field];
    return error ? t(`personas:errors.${error.key}`, error.values) : null;
  };

  // Saves the draft; the saved persona, or null when the form or the main process refused it.
  const save = async (): Promise<Persona | null> => {
    const checked = fromDraft(draft);
    if (!checked.fields) {
      setErrors(checked.errors);
      return null;
    }
    setErrors({});
    setSaveError(null);
    setStatus('saving');
    try {
      const saved = persona
        ? await call('persona.update', { id: persona.id, fields: checked.fields })
        : await call('persona.create', checked.fields);
      notePersona(saved);
      setStatus('saved');
      if (!persona) selectPersona({ kind: 'persona', id: saved.id });
      return saved;
    } catch (error) {
      setStatus('idle');
      setSaveError(error);
      return null;
    }
  };
  // The chat starts with what the editor shows: unsaved changes are saved first.
  const saveAndChat = async (): Promise<void> => {
    const saved = await save();
    if (saved) await startChatWithPersona(saved.id);
  };

  const exportOne = (): void => {
    if (persona) call('persona.export', { id: persona.id }).then(downloadFile).catch(reportPersonaError);
  };
  const failure = saveError ? errorText(t, saveError) : null;
  const titleId = 'persona-editor-title';

  return (
    <form
      className="persona-editor"
      aria-labelledby={titleId}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <div className="persona-editor-scroll">
        <h3 id={titleId} className="persona-editor-title">
          {persona ? persona.name : t('personas:editor.newTitle')}
        </h3>
        <div className="persona-identity">
          <AvatarField value={draft.avatar} onChange={(avatar) => change({ avatar })} />
          <InputField
            label={t('personas:editor.name')}
            value={draft.name}
            maxLength={200}
            error={errorOf('name')}
            data-autofocus={persona ? undefined : true}
            onValueChange={(name) => change({ name })}
          />
        </div>
        <Field label={t('personas:editor.systemPrompt')} hint={t('personas:editor.systemPromptHint')}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              className="input textarea"
              rows={6}
              value={draft.systemPrompt}
              aria-describedby={describedBy}
              onChange={(event) => change({ systemPrompt: event.target.value })}
            />
          )}
        </Field>
        <Field label={t('personas:editor.openingMessage')} hint={t('personas:editor.openingMessageHint')}>
          {({ id, describedBy }) => (
            <textarea
              id={id}
              className="input textarea"
              rows={2}
              value={draft.openingMessage}
              aria-describedby={describedBy}
              onChange={(event) => change({ openingMessage: event.target.value })}
            />
          )}
        </Field>
        <ExampleList examples={draft.examples} onChange={(examples) => change({ examples })} />
        <ModelSettingsFields draft={draft} errors={errors} appModel={appModel} onChange={change} />
      </div>

      <div className="persona-editor-footer">
        {persona && (
          <>
            <button
              type="button"
              className="btn btn-small btn-quiet persona-danger"
              onClick={() => void deletePersona(persona.id)}
            >
              <Icon name="trashLines" size={15} />
              {t('personas:editor.delete')}
            </button>
            <button type="button" className="btn btn-small btn-quiet" onClick={exportOne}>
              <Icon name="download" size={15} />
              {t('personas:export')}
            </button>
          </>
        )}
        <span className="persona-footer-status" role="status">
          {failure ? (
            <span className="field-error">
              {t('personas:errors.saveFailed')} {failure.summary}
            </span>
          ) : status === 'saved' ? (
            t('personas:editor.saved')
          ) : status === 'saving' ? (
            t('personas:editor.saving')
          ) : null}
        </span>
        <button type="button" className="btn btn-small" onClick={() => void saveAndChat()}>
          <Icon name="chat" size={15} />
          {t('personas:editor.newChat')}
        </button>
        <button type="submit" className="btn btn-small btn-primary" disabled={status === 'saving'}>
          {t('personas:editor.save')}
        </button>
      </div>
    </form>
  );
}
