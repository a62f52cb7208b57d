import { Fragment, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { copyText, useCopied } from '../components/clipboard';
import { highlightTokens, scopeClassName, useHighlighter, type TokenNode } from './highlighter';

/** Props of {@link CodeBlock}. */
export interface CodeBlockProps {
  /** The raw code, exactly what Copy puts on the clipboard. */
  code: string;
  /** The fence's language ("python"), or "" when none was given. */
  language: string;
  /** While the block is still growing it stays plain text: highlighting it per delta is waste. */
  streaming: boolean;
}

function renderTokens(node: TokenNode | string, key: number): ReactNode {
  if (typeof node === 'string') return node;
  const children = node.children.map(renderTokens);
  if (!node.scope) return <Fragment key={key}>{children}</Fragment>;
  return (
    <span key={key} className={scopeClassName(node.scope)}>
      {children}
    </span>
  );
}

/** Past this size code stays plain: highlighting it would be one long main-thread task. */
const MAX_HIGHLIGHT_CHARS = 30_000;

/** A fenced code block: language label, Copy button, and lazily loaded syntax highlighting. */
export function CodeBlock({ code, language, streaming }: CodeBlockProps): ReactNode {
  const { t } = useTranslation('chat');
  const hljs = useHighlighter(!streaming && language !== '');
  const [copied, markCopied] = useCopied();
  const highlighted = useMemo(() => {
    if (!hljs || streaming || code.length > MAX_HIGHLIGHT_CHARS) return null;
    const tree = highlightTokens(hljs, code, language);
    return tree && renderTokens(tree, 0);
  }, [hljs, streaming, code, language]);

  const copy = (): void => {
    copyText(code).then(markCopied, () => undefined);
  };

  return (
    <div className="md-code">
      <div className="md-code-header">
        <span className="md-code-language">{language || t('chat:markdown.plainText')}</span>
        <button
          type="button"
          className="md-code-copy"
          aria-label={t('chat:markdown.copyCode')}
          onClick={copy}
        >
          {copied ? t('chat:markdown.copied') : t('chat:markdown.copy')}
        </button>
      </div>
      <pre>
        <code className={highlighted ? `hljs language-${language}` : undefined}>{highlighted ?? code}</code>
      </pre>
    </div>
  );
}
