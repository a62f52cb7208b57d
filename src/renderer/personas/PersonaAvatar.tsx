import type { ReactElement } from 'react';
import { isImageAvatar } from './personaForm';

/**
 * A persona's avatar: its emoji (or letters), or its image. Images are data URLs stored with the
 * persona, never fetched from the network (the CSP allows `data:` images only).
 */
export function PersonaAvatar({
  avatar,
  size = 'medium',
}: {
  avatar: string;
  size?: 'small' | 'medium' | 'large';
}): ReactElement {
  const className = `persona-avatar persona-avatar-${size}`;
  if (isImageAvatar(avatar)) {
    return <img className={className} src={avatar} alt="" draggable={false} />;
  }
  return (
    <span className={className} aria-hidden="true">
      {Array.from(avatar.trim()).slice(0, 2).join('') || '🙂'}
    </span>
  );
}
