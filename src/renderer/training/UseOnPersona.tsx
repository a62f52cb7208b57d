import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../bridge/api';
import { errorText } from '../chat/errorText';
import { usePersonas } from '../state/personaStore';

/** Sets a fine-tuned model on a persona: pick the persona, one click on "Use on persona". */
export function UseOnPersona({ model }: { model: string }): ReactElement | null {
  const { t } = useTranslation();
  const { items } = usePersonas();
  const [chosen, setChosen] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  if (items.length === 0) return null;
  const personaId = chosen || items[0].id;
  const use = async (): Promise<void> => {
    setFailure(null);
    try {
      const persona = await call('persona.update', { id: personaId, fields: { model } });
      setDone(persona.name);
    } catch (error) {
      setFailure(error);
    }
  };
  return (
    <div className="tr-use">
      <label>
        <span>{t('training:jobs.persona')}</span>
        <select value={personaId} onChange={(event) => setChosen(event.target.value)}>
          {items.map((persona) => (
            <option key={persona.id} value={persona.id}>
              {persona.name}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className="btn btn-small" onClick={() => void use()}>
        {t('training:jobs.usePersona')}
      </button>
      {done && (
        <span className="tr-ok" role="status">
          {t('training:jobs.used', { name: done })}
        </span>
      )}
      {failure !== null && (
        <span className="tr-bad" role="alert">
          {errorText(t, failure).summary}
        </span>
      )}
    </div>
  );
}
