import { createRequire } from 'node:module';
import type { AliasOptions } from 'vite';

const require = createRequire(import.meta.url);

/**
 * Module aliases for every build of the renderer (the app's and the browser host's).
 *
 * rehype-katex turns KaTeX's HTML into a tree with `hast-util-from-html-isomorphic`, whose browser
 * build parses it with the page's own parser (`template.innerHTML`): under the strict Content
 * Security Policy (`style-src 'self'`, no inline styles) the page then reports every `style`
 * attribute KaTeX writes as a violation. Its parse5 build gives the same tree without touching
 * the document; React then applies those styles through the DOM's style object, which the policy
 * allows.
 */
export const rendererAlias: AliasOptions = {
  'hast-util-from-html-isomorphic': require.resolve('hast-util-from-html-isomorphic'),
};
