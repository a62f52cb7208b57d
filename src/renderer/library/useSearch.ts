import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../shared/schemas';
import { call } from '../bridge/api';
import { toError } from '../chat/errorText';

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
  /** Why the search failed (shown through `errorText`), when it did. */
  error: Error | null;
  /** The query the hits answer (for "No results for …"). */
  query: string;
}

interface Answer {
  key: string;
  hits: SearchHit[];
  error: Error | null;
  query: string;
}

/** One empty list for every idle answer, so memos keyed on `hits` do not rerun. */
const NO_HITS: SearchHit[] = [];
const IDLE: SearchState = { hits: NO_HITS, status: 'idle', error: null, query: '' };

/** How long typing must pause before a query goes out. */
export const SEARCH_DEBOUNCE_MS = 60;

/**
 * Results as you type: waits ~60 ms after the last keystroke, and drops any answer that arrives
 * after a newer query was sent, so a slow old answer never replaces a fresh one.
 */
export function useSearch({ query, titlesOnly, from, to }: SearchRequest): SearchState {
  const [answer, setAnswer] = useState<Answer>({ key: '', hits: NO_HITS, error: null, query: '' });
  const seq = useRef(0);
  const trimmed = query.trim();
  const key = JSON.stringify([trimmed, titlesOnly, from ?? '', to ?? '']);

  useEffect(() => {
    const id = ++seq.current;
    if (!trimmed) return;
    const timer = setTimeout(() => {
      const settle = (hits: SearchHit[], error: Error | null): void => {
        if (id === seq.current) setAnswer({ key, hits, error, query: trimmed });
      };
      call('search.query', { query: trimmed, titlesOnly, from, to, limit: 50 }).then(
        (hits) => settle(hits, null),
        (error: unknown) => settle(NO_HITS, toError(error)),
      );
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [key, trimmed, titlesOnly, from, to]);

  if (!trimmed) return IDLE;
  if (answer.key !== key) return { hits: answer.hits, status: 'loading', error: null, query: answer.query };
  return {
    hits: answer.hits,
    status: answer.error ? 'error' : 'done',
    error: answer.error,
    query: answer.query,
  };
}
