import { useCallback, useEffect, useRef, useState } from 'react';
import { call } from '../bridge/api';

/** The state of the "Test connection" button. */
export type ConnectionTest =
  | { state: 'idle' }
  | { state: 'testing' }
  | { state: 'ok'; count: number; modelFound: boolean; model: string }
  | { state: 'failed'; error: unknown; baseURL: string; model: string };

/** What to test: the unsaved form values (an empty key means "the saved one"). */
export interface ConnectionTarget {
  baseURL: string;
  key: string;
  model: string;
  /** The user agreed to send a typed key unencrypted to this (public http) address. */
  plainHttpConfirmed: boolean;
}

/**
 * Runs `settings.testConnection` with unsaved values and keeps the models it found for the
 * Model field's suggestions (seeded from `models.list` when a key is already configured).
 */
export function useConnectionTest(loadSavedModels: boolean): {
  test: ConnectionTest;
  models: string[];
  run: (target: ConnectionTarget) => Promise<void>;
} {
  const [test, setTest] = useState<ConnectionTest>({ state: 'idle' });
  const [models, setModels] = useState<string[]>([]);
  const seq = useRef(0);

  useEffect(() => {
    if (!loadSavedModels) return;
    let alive = true;
    call('models.list', {})
      .then((result) => alive && setModels(result.models))
      .catch(() => undefined); // Suggestions only: a failure here is not worth a message.
    return () => {
      alive = false;
    };
  }, [loadSavedModels]);

  const run = useCallback(async (target: ConnectionTarget) => {
    const mine = ++seq.current;
    setTest({ state: 'testing' });
    const model = target.model.trim();
    try {
      const result = await call('settings.testConnection', {
        baseURL: target.baseURL.trim(),
        key: target.key.trim() || undefined,
        model: model || undefined,
        allowPlainHttp: target.plainHttpConfirmed,
      });
      if (mine !== seq.current) return;
      setModels(result.models);
      setTest({ state: 'ok', count: result.models.length, modelFound: result.modelFound || !model, model });
    } catch (error) {
      if (mine === seq.current) setTest({ state: 'failed', error, baseURL: target.baseURL, model });
    }
  }, []);

  return { test, models, run };
}
