import { lazy, Suspense, type ReactElement } from 'react';
import { requestOpenLink } from '../state/ui';

// Loaded lazily so the markdown parser, KaTeX and the highlighter never delay the first paint.
const importMarkdown = (): Promise<typeof import('../markdown/MarkdownMessage')> =>
  import('../markdown/MarkdownMessage');
const LazyMarkdown = lazy(() => importMarkdown().then((m) => ({ default: m.MarkdownMessage })));

/** Starts loading the markdown renderer early (after the first paint) so the first answer does not wait. */
export function preloadMarkdown(): void {
  void importMarkdown();
}

/** Plain text with line breaks kept: the fallback while markdown loads, and user messages. */
export function PlainText({ text }: { text: string }): ReactElement {
  return <div className="plain-text">{text}</div>;
}

/** An assistant message's text, rendered as markdown; links ask before opening. */
export function AssistantText({ text, streaming }: { text: string; streaming: boolean }): ReactElement {
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <LazyMarkdown text={text} streaming={streaming} onOpenLink={requestOpenLink} />
    </Suspense>
  );
}
