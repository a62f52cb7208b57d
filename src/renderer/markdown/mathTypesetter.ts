import 'katex/dist/katex.min.css';
import './mathTypesetter.css';
import type { Options } from 'react-markdown';
import rehypeKatex, { type Options as KatexOptions } from 'rehype-katex';

// trust: false keeps \href, \url and \includegraphics inert; rehype-katex renders errors inline.
// KaTeX escapes its input and rehype-katex parses its output into a tree: no HTML string reaches React.
const katexOptions: KatexOptions = { trust: false, strict: 'ignore', maxSize: 50, maxExpand: 500 };

/** The rehype plugins that typeset math with KaTeX; loaded lazily by `mathSupport.ts` (its own chunk). */
export const typesetPlugins: NonNullable<Options['rehypePlugins']> = [[rehypeKatex, katexOptions]];
