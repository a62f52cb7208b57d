import type { TokenCounting } from '../contextSchemas';

/**
 * Token counting shared by core (the context builder) and the renderer (the composer's running
 * count), so both count with the same rules. The tokenizer tables are large, so they are loaded
 * with `import()` the first time a count is needed, never at start-up.
 */

/** Tokens the chat format adds to every message: 3 of framing (`<|im_start|>`, `<|im_sep|>`, `<|im_end|>`) and 1 for the role, as OpenAI's cookbook counts. */
export const TOKENS_PER_MESSAGE = 4;
/** Tokens that prime every reply (`<|im_start|>assistant<|im_sep|>`). */
export const TOKENS_PER_REQUEST = 3;

/** Counts tokens of text and of chat messages with one model's rules. Never throws. */
export interface TokenCounter {
  counting: TokenCounting;
  /** Tokens of the text alone. */
  countText(text: string): number;
  /** Tokens of one chat message with this content (text plus the per-message overhead). */
  countMessage(content: string): number;
  /** The key counts are cached under when it is not the encoding (a model on this computer). */
  cacheKey?: string;
}

// Models are matched by prefix, so dated snapshots (gpt-4o-2024-08-06) and suffixes
// (gpt-4.1-mini, o3-pro) follow their family. Order matters: gpt-4o before gpt-4.
const O200K = [/^gpt-4o/, /^chatgpt-4o/, /^gpt-4\.1/, /^gpt-4\.5/, /^gpt-5/, /^o[1-9](-|$)/, /^gpt-oss/];
const CL100K = [/^gpt-4/, /^gpt-3\.5/, /^text-embedding-(3|ada-002)/];

/** Which encoding a model uses: exact for OpenAI's models, an estimate for anything else. */
export function encodingFor(model: string): TokenCounting['encoding'] {
  // Compatible servers often prefix the vendor ("openai/gpt-4o"); only the last segment names the model.
  const name = model.trim().toLowerCase().split('/').pop() ?? '';
  if (O200K.some((re) => re.test(name))) return 'o200k_base';
  if (CL100K.some((re) => re.test(name))) return 'cl100k_base';
  return 'estimate';
}

/** How a model's tokens are counted; loads nothing. */
export function countingFor(model: string): TokenCounting {
  const encoding = encodingFor(model);
  return {
    encoding,
    estimated: encoding === 'estimate',
    perMessage: TOKENS_PER_MESSAGE,
    perRequest: TOKENS_PER_REQUEST,
  };
}

// CJK ideographs, kana and hangul: tokenizers of other vendors spend about one token on each.
const WIDE = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]/gu;

/**
 * A tokenizer-free estimate for models whose tokenizer is unknown: about four characters a token
 * for alphabetic text, one token per CJK character. Labelled an estimate wherever it is shown.
 */
export function estimateTokens(text: string): number {
  if (!text) return 0;
  const wide = text.match(WIDE)?.length ?? 0;
  // Code points, not UTF-16 units: an emoji is one character here.
  let pairs = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) pairs++;
  }
  return wide + Math.ceil((text.length - pairs - wide) / 4);
}

type CountFn = (text: string) => number;

/** A run this long with no separator is cut (see `segments`). */
const MAX_RUN = 128;
/** Text counted in one call is cut at the next separator once it is this long. */
const SEGMENT = 512;

// Where the tokenizer's pre-split always starts a new piece when a letter precedes: whitespace,
// ASCII . , ! ? ; : ( ) and CJK punctuation (U+3000–U+303F, full-width forms). Not the apostrophe:
// contractions ("it's") stay one piece.
function isSeparator(unit: number): boolean {
  return (
    unit <= 0x20 ||
    unit === 0x2e ||
    unit === 0x2c ||
    unit === 0x21 ||
    unit === 0x3f ||
    unit === 0x3b ||
    unit === 0x3a ||
    unit === 0x28 ||
    unit === 0x29 ||
    (unit >= 0x3000 && unit <= 0x303f) ||
    (unit >= 0xff01 && unit <= 0xff0f) ||
    (unit >= 0xff1a && unit <= 0xff20)
  );
}

/**
 * Cuts text into pieces the tokenizer handles fast. BPE on one long pre-split piece (a paragraph
 * of Chinese with no punctuation, a base64 blob) costs time quadratic in its length in
 * gpt-tokenizer: 2 KB of unbroken hanzi takes over 100 ms. A cut just before a separator that
 * follows a letter changes no token (the tokenizer splits there anyway), so ordinary text counts
 * exactly; only a run of more than 128 characters with no separator is cut inside, which may
 * change its count by a token per cut.
 */
export function segments(text: string): string[] {
  if (text.length <= MAX_RUN) return [text];
  const out: string[] = [];
  let start = 0;
  let runStart = 0;
  for (let i = 1; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (isSeparator(unit)) {
      if (i - start >= SEGMENT && !isSeparator(text.charCodeAt(i - 1))) {
        out.push(text.slice(start, i));
        start = i;
      }
      runStart = i + 1;
    } else if (i - runStart >= MAX_RUN && !(unit >= 0xdc00 && unit <= 0xdfff)) {
      out.push(text.slice(start, i));
      start = i;
      runStart = i;
    }
  }
  out.push(text.slice(start));
  return out;
}

const loading = new Map<TokenCounting['encoding'], Promise<CountFn>>();

// Special-token strings in user text (`<|endoftext|>`) are counted as the plain text they are:
// an empty disallowed set turns off gpt-tokenizer's default of throwing on them.
const AS_TEXT = { disallowedSpecial: new Set<string>() };

function loadEncoding(encoding: TokenCounting['encoding']): Promise<CountFn> {
  let promise = loading.get(encoding);
  if (!promise) {
    promise = (async (): Promise<CountFn> => {
      // `model`: the tokenizer lives in main (a model on this computer); text elsewhere is estimated.
      if (encoding === 'estimate' || encoding === 'model') return estimateTokens;
      const api =
        encoding === 'o200k_base'
          ? await import('gpt-tokenizer/encoding/o200k_base')
          : await import('gpt-tokenizer/encoding/cl100k_base');
      return (text) => {
        if (!text) return 0;
        try {
          let total = 0;
          for (const piece of segments(text)) total += api.countTokens(piece, AS_TEXT);
          return total;
        } catch {
          // The tokenizer should not throw with these options; a count is still owed.
          return estimateTokens(text);
        }
      };
    })();
    // A failed load (a broken bundle) must not stick: the next call tries again.
    promise.catch(() => loading.delete(encoding));
    loading.set(encoding, promise);
  }
  return promise;
}

/**
 * A text counter for an encoding (as `ContextPreview.counting.encoding` names it), loading the
 * tokenizer on first use. The function it resolves to is synchronous: call it on every keystroke.
 */
export async function loadTextCounter(
  encoding: TokenCounting['encoding'],
): Promise<(text: string) => number> {
  try {
    return await loadEncoding(encoding);
  } catch {
    return estimateTokens;
  }
}

/** The counter for a model, loading its tokenizer on first use (later calls share the load). */
export async function loadTokenCounter(model: string): Promise<TokenCounter> {
  const counting = countingFor(model);
  let count: CountFn;
  try {
    count = await loadEncoding(counting.encoding);
  } catch {
    return estimateCounter();
  }
  return {
    counting,
    countText: count,
    countMessage: (content) => count(content) + counting.perMessage,
  };
}

/** A counter that only estimates (used when no tokenizer can be loaded). */
export function estimateCounter(): TokenCounter {
  const counting: TokenCounting = {
    encoding: 'estimate',
    estimated: true,
    perMessage: TOKENS_PER_MESSAGE,
    perRequest: TOKENS_PER_REQUEST,
  };
  return {
    counting,
    countText: estimateTokens,
    countMessage: (content) => estimateTokens(content) + counting.perMessage,
  };
}
