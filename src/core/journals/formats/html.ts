/**
 * HTML (Journey entries, Apple Journal pages, Evernote's ENML) to plain text through
 * node-html-parser. The HTML is untrusted and is never kept: only its text is, with paragraphs
 * as blank lines, line breaks, list items as `- `, checkboxes as `[ ]`/`[x]`; scripts, styles
 * and media are dropped.
 */
import { type HTMLElement, type Node, NodeType, parse } from 'node-html-parser';

const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'header',
  'footer',
  'blockquote',
  'pre',
  'table',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ul',
  'ol',
  'li',
  'hr',
  'en-note',
  'body',
]);
const SKIP = new Set([
  'script',
  'style',
  'head',
  'title',
  'img',
  'en-media',
  'video',
  'audio',
  'object',
  'svg',
]);

/** Parses HTML leniently (real exports nest `<div>` inside `<p>`). */
export function parseHtml(html: string): HTMLElement {
  return parse(html.replace(/<!DOCTYPE[^>]*>/gi, ''), {
    comment: false,
    blockTextElements: { script: false, style: false, pre: true },
  });
}

/** The text of an HTML fragment or element. */
export function htmlToText(html: string | HTMLElement): string {
  const root = typeof html === 'string' ? parseHtml(html) : html;
  const out: string[] = [];
  walk(root, out);
  return tidy(out.join(''));
}

function walk(node: Node, out: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.push(node.text.replace(/[ \t\r\n]+/g, ' '));
    return;
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return;
  const element = node as HTMLElement;
  const tag = element.rawTagName?.toLowerCase() ?? '';
  if (SKIP.has(tag)) return;
  if (tag === 'br') {
    out.push('\n');
    return;
  }
  if (tag === 'en-todo') {
    out.push(element.getAttribute('checked') === 'true' ? '[x] ' : '[ ] ');
    return;
  }
  if (tag === 'en-crypt') {
    out.push('\n\n[encrypted text not imported]\n\n');
    return;
  }
  if (tag === 'pre' || (element.getAttribute('style') ?? '').includes('--en-codeblock')) {
    out.push(`\n\n${codeText(element)}\n\n`);
    return;
  }
  const block = BLOCK.has(tag);
  if (block) out.push('\n\n');
  if (tag === 'li') out.push('- ');
  if (tag === 'td' || tag === 'th') out.push(' ');
  for (const child of element.childNodes) walk(child, out);
  if (block) out.push('\n\n');
}

/** A code block's lines with their indentation, which the usual whitespace folding would lose. */
function codeText(element: HTMLElement): string {
  const lines = element.childNodes.map((child) => {
    const text = child.nodeType === NodeType.ELEMENT_NODE ? (child as HTMLElement).text : child.text;
    return text.replace(/\u00a0/g, ' ').replace(/\s+$/, '');
  });
  const code = lines.join(element.rawTagName?.toLowerCase() === 'pre' ? '' : '\n');
  // Keep the code's own spaces through `tidy` (which trims lines): non-breaking, as Evernote wrote them.
  return code.replace(/^ +| {2,}/gm, (spaces) => '\u00a0'.repeat(spaces.length));
}

/** Collapses runs of spaces and blank lines that the walk leaves. */
function tidy(text: string): string {
  return (
    text
      .split('\n')
      .map((line) =>
        line
          .replace(/ {2,}/g, ' ')
          .replace(/^[ \t]+|[ \t]+$/g, '')
          .replace(/\u00a0/g, ' ')
          .trimEnd(),
      )
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      // A list item whose text sits in its own <div>/<p> (Evernote does this) stays on one line.
      .replace(/^(-|\[[ x]\])\n+(?=\S)/gm, '$1 ')
      .trim()
  );
}
