import { lazy, Suspense, useEffect, type ComponentType, type ReactElement } from 'react';
import { requestOpenLink } from '../state/ui';

/** The props of the markdown renderer built in `src/renderer/markdown/`. */
export interface MarkdownMessageProps {
  text: string;
  streaming: boolean;
  onOpenLink: (url: string) => void;
}

type MarkdownModule = { MarkdownMessage: ComponentType<MarkdownMessageProps> };

// Loaded lazily so the markdown parser and highlighter never delay the first paint. The glob
// resolves to nothing while that module does not exist yet, and plain text is shown instead.
const loaders = import.meta.glob<MarkdownModule>('../markdown/MarkdownMessage.tsx');
const loadMarkdown = Object.values(loaders)[0];
const LazyMarkdown = loadMarkdown ? lazy(() => loadMarkdown().then((m) => ({ default: m.MarkdownMessage }))) : null;

/** Starts loading the markdown renderer early (after the first paint) so the first answer does not wait. */
export function preloadMarkdown(): void {
  void loadMarkdown?.();
}

/** Plain text with line breaks kept: the fallback while markdown loads, and user messages. */
export function PlainText({ text }: { text: string }): ReactElement {
  return <div className="plain-text">{text}</div>;
}

/** An assistant message's text, rendered as markdown; links ask before opening. */
export function AssistantText({ text, streaming }: { text: string; streaming: boolean }): ReactElement {
  useEffect(() => preloadMarkdown(), []);
  if (!LazyMarkdown) return <PlainText text={text} />;
  return (
    <Suspense fallback={<PlainText text={text} />}>
      <LazyMarkdown text={text} streaming={streaming} onOpenLink={requestOpenLink} />
    </Suspense>
  );
}
