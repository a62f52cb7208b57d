import type { ComponentProps, ReactNode } from 'react';
import type { Components, ExtraProps } from 'react-markdown';
import { CodeBlock } from './CodeBlock';
import { MarkdownImage } from './MarkdownImage';
import { MarkdownLink } from './MarkdownLink';

type HastElement = NonNullable<ExtraProps['node']>;
type HastChild = HastElement['children'][number];

function textOf(node: HastChild): string {
  if (node.type === 'text') return node.value;
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** The `<code>` inside a `<pre>`, as (raw code, language). */
function codeOf(pre: HastElement | undefined): { code: string; language: string } | null {
  const code = pre?.children.find((child) => child.type === 'element' && child.tagName === 'code');
  if (!code || code.type !== 'element') return null;
  const classes = code.properties.className;
  const languageClass = Array.isArray(classes)
    ? classes.map(String).find((name) => name.startsWith('language-'))
    : undefined;
  // mdast-util-to-hast appends one newline to a code block's value; Copy should not.
  const text = textOf(code).replace(/\n$/, '');
  return { code: text, language: languageClass?.slice('language-'.length) ?? '' };
}

function preFor(streaming: boolean) {
  return function MarkdownPre({ node, children }: ComponentProps<'pre'> & ExtraProps): ReactNode {
    const parsed = codeOf(node);
    if (!parsed) return <pre>{children}</pre>;
    // Display math before KaTeX has loaded: its source, plain (no highlighter for it).
    if (parsed.language === 'math')
      return (
        <pre className="md-math-source">
          <code>{parsed.code}</code>
        </pre>
      );
    return <CodeBlock code={parsed.code} language={parsed.language} streaming={streaming} />;
  };
}

/** Element overrides for a finished block. Module constants, so react-markdown sees stable props. */
export const finishedComponents: Components = { a: MarkdownLink, img: MarkdownImage, pre: preFor(false) };

/** Element overrides for the block that is still streaming (code stays plain text). */
export const streamingComponents: Components = { a: MarkdownLink, img: MarkdownImage, pre: preFor(true) };
