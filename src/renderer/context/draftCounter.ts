import { useEffect, useState } from 'react';
import type { TokenCounting } from '../../shared/contextSchemas';

type Encoding = TokenCounting['encoding'];
type CountText = (text: string) => number;

const counters = new Map<Encoding, CountText>();

/**
 * The text counter for `encoding` (the one core counted the rest of the request with) once it is
 * needed (`wanted`, i.e. the user typed). The shared counting module and its tokenizer tables
 * are loaded with `import()` only then, never before the first paint. Null until ready.
 */
export function useDraftCounter(encoding: Encoding | null, wanted: boolean): CountText | null {
  const [, setLoaded] = useState(0);
  const known = encoding ? counters.get(encoding) : undefined;
  useEffect(() => {
    if (!encoding || !wanted || counters.has(encoding)) return;
    let live = true;
    void import('../../shared/tokens')
      .then((tokens) => tokens.loadTextCounter(encoding))
      .then((count) => {
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
 * The few milliseconds before the counting module has loaded (the first keystroke): about four
 * characters a token, shown as an estimate. Written here because importing the shared estimate
 * would pull the counting module into the start-up bundle.
 */
function roughTokens(text: string): number {
  return Math.ceil(text.length / 4);
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
  return { tokens: roughTokens(text) + counting.perMessage, estimated: true };
}
