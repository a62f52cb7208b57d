import { useEffect, useMemo, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/schemas';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { Modal } from '../components/Modal';
import { useDebounced } from '../context/useDebounced';
import { usePersonas } from '../state/personaStore';
import { addConversations } from './trainingState';

/** Conversations whose messages match the words, through the library's search (FTS, CJK-aware). */
function useTextMatches(filter: string): Set<string> {
  const query = useDebounced(filter.trim(), 200);
  const [matches, setMatches] = useState<Set<string>>(new Set());
  useEffect(() => {
    if (!query) return setMatches(new Set());
    let current = true;
    call('search.query', { query, limit: 200 }).then(
      (hits) => current && setMatches(new Set(hits.map((hit) => hit.conversationId))),
      // The title filter still works without search.
      () => current && setMatches(new Set()),
    );
    return () => {
      current = false;
    };
  }, [query]);
  return matches;
}

/**
 * Picks conversations of the library to add as examples: filtered by title or words in their
 * messages (the library's search), or to a persona's chats.
 */
export function AddConversationsDialog({ onClose }: { onClose: () => void }): ReactElement {
  const { t } = useTranslation();
  const [conversations, setConversations] = useState<Conversation[] | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [filter, setFilter] = useState('');
  const [personaId, setPersonaId] = useState('');
  const { items: personas } = usePersonas();
  const textMatches = useTextMatches(filter);
  const [picked, setPicked] = useState<Set<string>>(new Set());
  useEffect(() => {
    call('conversation.list', { view: 'active' }).then(setConversations, setFailure);
  }, []);
  const shown = useMemo(() => {
    const needle = filter.trim().toLowerCase();
    return (conversations ?? []).filter(
      (item) =>
        (!needle || item.title.toLowerCase().includes(needle) || textMatches.has(item.id)) &&
        (!personaId || item.personaId === personaId),
    );
  }, [conversations, filter, personaId, textMatches]);
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
