import { useEffect, useId, useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { MemoryStrategySchema, type MemorySettings, type MemoryStrategy } from '../../shared/contextSchemas';
import type { Conversation } from '../../shared/schemas';
import { call } from '../bridge/api';
import { useFailureText } from './useFailureText';

const STRATEGIES: readonly MemoryStrategy[] = MemoryStrategySchema.options;
const MAX_EXCHANGES = 10_000;

/** The exchanges field's text as a count, or null when it is not a whole number in range. */
export function parseExchanges(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const value = Number(text);
  return value <= MAX_EXCHANGES ? value : null;
}

interface MemoryControlProps {
  conversationId: string;
  memory: MemorySettings;
  /** The conversation as `conversation.setMemory` returned it. */
  onChanged: (conversation: Conversation) => void;
}

/**
 * The "Memory" control: which strategy decides how much of the conversation each turn resends,
 * and for "Last N exchanges" the number field "Exchanges". Each valid change is saved at once.
 */
export function MemoryControl(props: MemoryControlProps): ReactElement {
  const { conversationId, onChanged } = props;
  const { t } = useTranslation();
  const id = useId();
  // What was just chosen, shown until the conversation comes back with it.
  const [pending, setPending] = useState<MemorySettings | null>(null);
  useEffect(() => setPending(null), [props.memory]);
  const memory = pending ?? props.memory;
  const [exchanges, setExchanges] = useState(String(memory.exchanges));
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);
  // A new conversation (or a change saved elsewhere) shows its own figure.
  useEffect(() => setExchanges(String(memory.exchanges)), [conversationId, memory.exchanges]);

  const save = (next: MemorySettings): void => {
    setFailure(null);
    setPending(next);
    call('conversation.setMemory', { id: conversationId, memory: next }).then(onChanged, (error: unknown) => {
      setPending(null);
      setFailure(error);
    });
  };
  const parsed = parseExchanges(exchanges);
  const changeExchanges = (text: string): void => {
    setExchanges(text);
    const value = parseExchanges(text);
    if (value !== null && value !== memory.exchanges) save({ ...memory, exchanges: value });
  };

  return (
    <div className="memory-control">
      <div className="memory-row">
        <label className="field-label" htmlFor={`${id}-strategy`}>
          {t('context:memory.label')}
        </label>
        <select
          id={`${id}-strategy`}
          className="input select"
          value={memory.strategy}
          onChange={(e) => save({ ...memory, strategy: e.target.value as MemoryStrategy })}
        >
          {STRATEGIES.map((strategy) => (
            <option key={strategy} value={strategy}>
              {t(`context:memory.${strategy}`)}
            </option>
          ))}
        </select>
      </div>
      {memory.strategy === 'last_exchanges' && (
        <div className="memory-row">
          <label className="field-label" htmlFor={`${id}-exchanges`}>
            {t('context:memory.exchanges')}
          </label>
          <input
            id={`${id}-exchanges`}
            className="input memory-exchanges"
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_EXCHANGES}
            step={1}
            value={exchanges}
            aria-invalid={parsed === null}
            aria-describedby={`${id}-hint`}
            onChange={(e) => changeExchanges(e.target.value)}
          />
          <p className={parsed === null ? 'field-error' : 'field-hint'} id={`${id}-hint`}>
            {parsed === null ? t('context:memory.exchangesInvalid') : t('context:memory.exchangesHint')}
          </p>
        </div>
      )}
      {failureText && (
        <p className="field-error" role="alert">
          {t('context:memory.saveFailed', { message: failureText })}
        </p>
      )}
    </div>
  );
}
