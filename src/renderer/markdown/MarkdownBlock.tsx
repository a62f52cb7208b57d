import { memo, type ReactNode } from 'react';
import Markdown, { defaultUrlTransform, type Options } from 'react-markdown';
import remarkGfm, { type Options as GfmOptions } from 'remark-gfm';
import remarkMath from 'remark-math';
import { CodeBlock } from './CodeBlock';
import { finishedComponents, streamingComponents } from './markdownComponents';
import { toDollarMath } from './latexDelimiters';
import { hasMath, useMathPlugins } from './mathSupport';
import { openFence } from './openFence';

// "~5 min" is far more common in answers than single-tilde strikethrough; "~~x~~" still works.
const gfmOptions: GfmOptions = { singleTilde: false };
// remark-math parses math everywhere (without KaTeX it becomes `code.language-math`, shown as
// code); KaTeX typesets it once loaded (mathSupport.ts).
const remarkPlugins: Options['remarkPlugins'] = [[remarkGfm, gfmOptions], remarkMath];

/**
 * href and src pass through untouched: MarkdownLink and MarkdownImage apply the real policy
 * (safeUrl.ts) and need the original to show it as text. Any other URL attribute gets
 * react-markdown's default filter.
 */
const urlTransform: Options['urlTransform'] = (url, key) =>
  key === 'href' || key === 'src' ? url : defaultUrlTransform(url);

/** Props of {@link MarkdownBlock}. */
export interface MarkdownBlockProps {
  /** One top-level block of markdown (see splitBlocks.ts). */
  text: string;
  /** True for the last block of a message that is still streaming. */
  streaming: boolean;
}

/**
 * Renders one block. Raw HTML in it is shown as literal text: without rehype-raw, react-markdown
 * turns every `raw` node into a text node (and we keep `skipHtml` off so nothing silently vanishes).
 * Memoized on (text, streaming): a finished block never renders again while the message grows
 * (a block with math renders once more when KaTeX arrives).
 */
export const MarkdownBlock = memo(function MarkdownBlock({ text, streaming }: MarkdownBlockProps): ReactNode {
  // Same DOM as react-markdown would give (its <pre> becomes this CodeBlock), without the parse.
  const fence = streaming ? openFence(text) : null;
  const source = fence ? text : toDollarMath(text);
  const mathPlugins = useMathPlugins(!fence && hasMath(source));
  if (fence) return <CodeBlock code={fence.code} language={fence.language} streaming />;
  return (
    <Markdown
      remarkPlugins={remarkPlugins}
      rehypePlugins={mathPlugins ?? undefined}
      components={streaming ? streamingComponents : finishedComponents}
      urlTransform={urlTransform}
    >
      {source}
    </Markdown>
  );
});
