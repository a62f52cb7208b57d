/**
 * Lazy highlight.js: nothing is loaded until a finished code block asks for it after first paint,
 * and a highlighted block is rendered from highlight.js's token tree as React elements, so no
 * HTML string ever reaches the DOM.
 */
import type { HLJSApi } from 'highlight.js';
import { createLazyModule } from './lazyModule';

/** A node of highlight.js's token tree (its internal TokenTree, stable across v11). */
export interface TokenNode {
  scope?: string;
  children: (TokenNode | string)[];
}

const highlighter = createLazyModule(() => import('./hljsBundle').then((module) => module.default));

/** Loads highlight.js and its languages once; later calls share the same promise. */
export const loadHighlighter = highlighter.load;

/**
 * The highlighter once loaded, else null. When `wanted`, starts loading it from an effect,
 * i.e. after the first paint, never during startup.
 */
export const useHighlighter = highlighter.useModule;

function isTokenNode(value: unknown): value is TokenNode {
  return typeof value === 'object' && value !== null && Array.isArray((value as TokenNode).children);
}

/**
 * Highlights `code` as `language` and returns the token tree, or null when the language is
 * unknown (no auto-detection: it is slow on long code and often wrong).
 */
export function highlightTokens(hljs: HLJSApi, code: string, language: string): TokenNode | null {
  if (!language || !hljs.getLanguage(language)) return null;
  try {
    const result = hljs.highlight(code, { language, ignoreIllegals: true });
    // `_emitter.root` is the token tree highlight.js itself renders its HTML from.
    const root: unknown = (result._emitter as unknown as { root?: unknown }).root;
    return isTokenNode(root) ? root : null;
  } catch {
    return null;
  }
}

/** The CSS classes highlight.js gives a scope ("title.class" → "hljs-title class_"). */
export function scopeClassName(scope: string): string {
  if (scope.startsWith('language:')) return scope.replace('language:', 'language-');
  const [first, ...rest] = scope.split('.');
  return [`hljs-${first}`, ...rest.map((piece, index) => `${piece}${'_'.repeat(index + 1)}`)].join(' ');
}
