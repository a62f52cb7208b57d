import { useEffect, useState } from 'react';
import type { TokenCounting } from '../../shared/contextSchemas';
// This module is light: it loads the tokenizer tables themselves with `import()` on first use.
import { estimateTokens, loadTextCounter } from '../../shared/tokens';

type Encoding = TokenCounting['encoding'];
type CountText = (text: string) => number;

const counters = new Map<Encoding, CountText>();

/**
 * The text counter for `encoding` (the one core counted the rest of the request with) once it is
 * needed (`wanted`, i.e. the user typed): the tokenizer tables are loaded only then, never
 * before the first paint. Null until ready.
 */
export function useDraftCounter(encoding: Encoding | null, wanted: boolean): CountText | null {
  const [, setLoaded] = useState(0);
  const known = encoding ? counters.get(encoding) : undefined;
  useEffect(() => {
    if (!encoding || !wanted || counters.has(encoding)) return;
    let live = true;
    void loadTextCounter(encoding).then((count) => {
      counters.set(encoding, count);
      if (live) setLoaded((n) => n + 1);
    });
    return () => {
      live = false;
    };
  }, [encoding, wanted]);
  return known ?? null;
}

/**
 * Tokens the draft adds as the new message (its text, trimmed as it is sent, plus the chat
 * format's per-message tokens): exact once the counter is loaded, an estimate until then.
 */
export function draftMessageTokens(
  draft: string,
  count: CountText | null,
  counting: TokenCounting,
): { tokens: number; estimated: boolean } {
  const text = draft.trim();
  if (!text) return { tokens: 0, estimated: false };
  if (count) return { tokens: count(text) + counting.perMessage, estimated: counting.estimated };
  return { tokens: estimateTokens(text) + counting.perMessage, estimated: true };
}
