import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { YoungerSelf } from '../../shared/contract/youngerSelf';
import { call } from '../bridge/api';
import { useFailureText } from '../context/useFailureText';

/** The embedding model offered first (OpenAI's small one; a local server names its own). */
const DEFAULT_EMBEDDING_MODEL = 'text-embedding-3-small';

/**
 * What a younger-self conversation sends, changeable after it started: the whole period when it
 * fits (the start form's choice), and embeddings for better recall, off by default (a switch, the
 * endpoint's embedding model, and what turning them on sends).
 */
export function SendingOptions({
  self,
  host,
  local,
}: {
  self: YoungerSelf;
  host: string;
  local: boolean;
}): ReactElement {
  const { t } = useTranslation();
  const [model, setModel] = useState(self.embeddingModel ?? DEFAULT_EMBEDDING_MODEL);
  const [failure, setFailure] = useState<unknown>(null);
  const failureText = useFailureText(failure);
  const on = self.embeddingModel !== null;
  const setWhole = (agreed: boolean): void => {
    setFailure(null);
    call('youngerSelf.setAgreedWhole', { conversationId: self.conversationId, agreed }).catch(setFailure);
  };
  const save = (next: string | null): void => {
    setFailure(null);
    call('youngerSelf.setEmbeddings', { conversationId: self.conversationId, model: next }).catch(setFailure);
  };
  return (
    <div className="period-embeddings">
      <label className="period-embeddings-switch">
        <input type="checkbox" checked={self.agreedWhole} onChange={(e) => setWhole(e.target.checked)} />
        {t('youngerSelf:sendWhole')}
      </label>
      <label className="period-embeddings-switch">
        <input
          type="checkbox"
          checked={on}
          onChange={(e) => save(e.target.checked ? model.trim() || DEFAULT_EMBEDDING_MODEL : null)}
        />
        {t('youngerSelf:embeddings')}
      </label>
      {on && (
        <label className="period-embeddings-model">
          {t('youngerSelf:embeddingModel')}
          <input
            type="text"
            className="input"
            value={model}
            maxLength={200}
            onChange={(e) => setModel(e.target.value)}
            onBlur={() => model.trim() && model.trim() !== self.embeddingModel && save(model.trim())}
          />
        </label>
      )}
      <p className="period-summary-note">
        {local
          ? t('youngerSelf:embeddingsNoteLocal', { host })
          : t('youngerSelf:embeddingsNoteRemote', { host })}
        {on && ` ${t('youngerSelf:embeddedCount', { count: self.embeddedEntries })}`}
      </p>
      {failureText && (
        <p className="field-error" role="alert">
          {failureText}
        </p>
      )}
    </div>
  );
}
