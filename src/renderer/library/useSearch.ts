import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/schemas';
import { call } from '../bridge/api';

/** What the palette asks for. */
export interface SearchRequest {
  query: string;
  titlesOnly: boolean;
  from?: string;
  to?: string;
}

/** The palette's results and where the search stands. */
export interface SearchState {
  /** The latest answer's hits (kept on screen while a newer query is on its way). */
  hits: SearchHit[];
  status: 'idle' | 'loading' | 'done' | 'error';
  error: string | null;
  /** The query the hits answer (for "No results for …"). */
  query: string;
}

interface Answer {
  key: string;
  hits: SearchHit[];
  error: string | null;
  query: string;
}

/** How long typing must pause before a query goes out. */
export const SEARCH_DEBOUNCE_MS = 60;

/**
 * Results as you type: waits ~60 ms after the last keystroke, and drops any answer that arrives
 * after a newer query was sent, so a slow old answer never replaces a fresh one.
 */
export function useSearch({ query, titlesOnly, from, to }: SearchRequest): SearchState {
  const [answer, setAnswer] = useState<Answer>({ key: '', hits: [], error: null, query: '' });
  const seq = useRef(0);
  const trimmed = query.trim();
  const key = JSON.stringify([trimmed, titlesOnly, from ?? '', to ?? '']);

  useEffect(() => {
    const id = ++seq.current;
    if (!trimmed) return;
    const timer = setTimeout(() => {
      const settle = (hits: SearchHit[], error: string | null): void => {
        if (id === seq.current) setAnswer({ key, hits, error, query: trimmed });
      };
      call('search.query', { query: trimmed, titlesOnly, from, to, limit: 50 }).then(
        (hits) => settle(hits, null),
        (error: unknown) => settle([], error instanceof Error ? error.message : String(error)),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, trimmed, titlesOnly, from, to]);

  if (!trimmed) return { hits: [], status: 'idle', error: null, query: '' };
  if (answer.key !== key) return { hits: answer.hits, status: 'loading', error: null, query: answer.query };
  return {
    hits: answer.hits,
    status: answer.error ? 'error' : 'done',
    error: answer.error,
    query: answer.query,
  };
}
