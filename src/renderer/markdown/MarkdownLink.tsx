import { useContext, type ComponentProps, type MouseEvent, type ReactNode } from 'react';
import type { ExtraProps } from 'react-markdown';
import { LinkContext } from './linkContext';
import { safeLinkUrl } from './safeUrl';

/**
 * A markdown link. http(s)/mailto links call the app's `openLink` and never navigate this window;
 * anything else (javascript:, data:, file:, relative) is rendered as plain text.
 */
export function MarkdownLink({ href, children }: ComponentProps<'a'> & ExtraProps): ReactNode {
  const { openLink } = useContext(LinkContext);
  const url = safeLinkUrl(href);
  if (!url) return <span className="md-link-disabled">{children}</span>;
  const open = (event: MouseEvent<HTMLAnchorElement>): void => {
    event.preventDefault();
    openLink(url);
  };
  return (
    <a
      href={url}
      title={url}
      rel="noreferrer noopener"
      onClick={open}
      onAuxClick={(event) => event.preventDefault()}
    >
      {children}
    </a>
  );
}
