import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/schemas';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { Modal } from '../components/Modal';
import { usePersonas } from '../state/personaStore';
import { addConversations } from './trainingState';

/** Picks conversations of the library (filtered by title, or a persona's chats) to add as examples. */
export function AddConversationsDialog({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const [personaId, setPersonaId] = useState('');
  const { items: personas } = usePersonas();
  const [picked, setPicked] = useState<Set<string>>(new Set());
  useEffect(() => {
    call('conversation.list', { view: 'active' }).then(setConversations, setFailure);
  }, []);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (conversations ?? []).filter(
      (item) =>
        (!needle || item.title.toLowerCase().includes(needle)) &&
        (!personaId || item.personaId === personaId),
    );
  }, [conversations, filter, personaId]);
  const toggle = (id: string, on: boolean): void => {
    const next = new Set(picked);
    if (on) next.add(id);
    else next.delete(id);
    setPicked(next);
  };
  const add = async (): Promise<void> => {
    // In the library's order, whatever order they were ticked in.
    await addConversations(
      (conversations ?? []).filter((item) => picked.has(item.id)).map((item) => item.id),
    );
    onClose();
  };
  return (
    <Modal label={t('training:dialog.title')} onClose={onClose} variant="app" className="tr-dialog">
      <h2>{t('training:dialog.title')}</h2>
      <input
        type="search"
        className="tr-filter"
        aria-label={t('training:dialog.filter')}
        placeholder={t('training:dialog.filter')}
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
      />
      <label className="tr-persona-filter">
        <span>{t('training:dialog.persona')}</span>
        <select value={personaId} onChange={(event) => setPersonaId(event.target.value)}>
          <option value="">{t('training:dialog.anyPersona')}</option>
          {personas.map((persona) => (
            <option key={persona.id} value={persona.id}>
              {persona.name}
            </option>
          ))}
        </select>
      </label>
      {failure !== null && <p className="tr-bad">{errorText(t, failure).summary}</p>}
      {conversations && shown.length === 0 && <p className="tr-muted">{t('training:dialog.empty')}</p>}
      <ul className="tr-pick">
        {shown.map((item) => (
          <li key={item.id}>
            <label>
              <input
                type="checkbox"
                checked={picked.has(item.id)}
                onChange={(event) => toggle(item.id, event.target.checked)}
              />
              {item.title || t('training:dialog.untitled')}
            </label>
          </li>
        ))}
      </ul>
      <div className="tr-dialog-actions">
        <button type="button" className="btn" onClick={onClose}>
          {t('training:dialog.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={picked.size === 0}
          onClick={() => void add()}
        >
          {t('training:dialog.add', { count: picked.size })}
        </button>
      </div>
    </Modal>
  );
}
