import type { ReactElement } from 'react';
import type { SnippetPart } from '../../shared/schemas';

/**
 * A search snippet: matching words in `<mark>`, everything else as plain text. Text is always
 * rendered as React text nodes, never as HTML, so a message containing markup shows it literally.
 */
export function Snippet({ parts }: { parts: readonly SnippetPart[] }): ReactElement {
  return (
    <span className="lib-snippet">
      {parts.map((part, index) =>
        part.match ? <mark key={index}>{part.text}</mark> : <span key={index}>{part.text}</span>,
      )}
    </span>
  );
}
