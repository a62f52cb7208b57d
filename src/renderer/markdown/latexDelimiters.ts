/**
 * Models often write math with LaTeX's own delimiters, `\(…\)` inline and `\[…\]` for a display
 * formula, which remark-math does not read (markdown would show them as "(…)" and "[…]"). This
 * rewrites them to `$…$` and `$$…$$`, leaving code spans and fenced code untouched.
 */

// A code span or fence (kept as is), else `\[…\]`, else `\(…\)`.
const DELIMITED =
  /(```[\s\S]*?(?:```|$)|~~~[\s\S]*?(?:~~~|$)|`[^`\n]*`)|\\\[([\s\S]+?)\\\]|\\\(([\s\S]+?)\\\)/g;

/** `text` with `\(…\)` as `$…$` and `\[…\]` as `$$…$$` (a math block when it stands on its own lines). */
export function toDollarMath(text: string): string {
  if (!text.includes('\\(') && !text.includes('\\[')) return text;
  return text.replace(
    DELIMITED,
    (
      match,
      code: string | undefined,
      display: string | undefined,
      inline: string | undefined,
      at: number,
    ) => {
      if (code !== undefined) return match;
      if (inline !== undefined) return `$${inline.trim()}$`;
      const body = (display ?? '').trim();
      const ownLines = (at === 0 || text[at - 1] === '\n') && /^(\n|$)/.test(text.slice(at + match.length));
      return ownLines ? `$$\n${body}\n$$` : `$$${body}$$`;
    },
  );
}
