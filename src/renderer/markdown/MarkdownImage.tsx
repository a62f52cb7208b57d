import type { ComponentProps, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtraProps } from 'react-markdown';
import { safeImageSrc } from './safeUrl';

/**
 * A markdown image. Remote images are never fetched (GUIDE §4: they would leak that the message
 * was read, and where from): they become a placeholder with the alt text and the URL as text.
 * Inline data: images cost no request and are shown.
 */
export function MarkdownImage({ src, alt }: ComponentProps<'img'> & ExtraProps): ReactNode {
  const { t } = useTranslation('chat');
  const raw = typeof src === 'string' ? src : '';
  const inline = safeImageSrc(raw);
  if (inline) return <img className="md-image" src={inline} alt={alt ?? ''} />;
  return (
    <span className="md-image-placeholder" title={t('chat:markdown.imageNotLoaded')}>
      <span aria-hidden="true">🖼 </span>
      <span className="md-image-alt">{alt || t('chat:markdown.image')}</span>
      {raw && <span className="md-image-url"> {raw}</span>}
    </span>
  );
}
