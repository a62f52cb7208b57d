import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon';
import { startChatWithPersona, usePersonas } from '../state/personaStore';
import { PersonaAvatar } from './PersonaAvatar';
import { PopoverMenu, type MenuEntry } from './PopoverMenu';
import './personas.css';

/** The chevron beside "New chat": a menu of "New chat" and one entry per persona. */
export function NewChatMenu({ onPlainChat }: { onPlainChat: () => void }): ReactElement {
  const { t } = useTranslation();
  const { items } = usePersonas();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const entries: MenuEntry[] = [
    {
      key: 'plain',
      label: t('personas:newChat.plain'),
      leading: <Icon className="lib-icon" name="edit" size={16} />,
      onSelect: onPlainChat,
    },
    ...items.map((persona, index) => ({
      key: persona.id,
      label: persona.name,
      leading: <PersonaAvatar avatar={persona.avatar} size="small" />,
      separatorBefore: index === 0,
      onSelect: () => void startChatWithPersona(persona.id),
    })),
  ];
  return (
    <>
      <button
        type="button"
        className="persona-new-chat-more"
        aria-haspopup="menu"
        aria-expanded={anchor !== null}
        aria-label={t('personas:newChat.more')}
        title={t('personas:newChat.more')}
        onClick={(event) => setAnchor(anchor ? null : event.currentTarget)}
      >
        <span aria-hidden="true">▾</span>
      </button>
      {anchor && (
        <PopoverMenu
          label={t('personas:newChat.menuLabel')}
          anchor={anchor}
          entries={entries}
          onClose={() => setAnchor(null)}
        />
      )}
    </>
  );
}
