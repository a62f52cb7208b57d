import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/schemas';
import { call } from '../bridge/api';
import { Icon } from '../components/Icon';
import { reportLibraryError } from '../state/library';
import { openPersonaLibrary, usePersonas } from '../state/personaStore';
import { PersonaAvatar } from './PersonaAvatar';
import { HeaderMenuButton } from './HeaderMenuButton';
import type { MenuEntry } from './PopoverMenu';
import './personas.css';

/**
 * The conversation header's persona: its avatar and name, opening a menu to switch to another
 * persona (or none) or to manage them. The next answer uses the persona chosen here.
 */
export function PersonaPicker({ conversation }: { conversation: Conversation }): ReactElement {
  const { t } = useTranslation();
  const { items } = usePersonas();
  const current = items.find((p) => p.id === conversation.personaId) ?? null;
  const name = current?.name ?? t('personas:picker.none');

  const choose = (personaId: string | null): void => {
    if (personaId === conversation.personaId) return;
    call('conversation.setPersona', { id: conversation.id, personaId }).catch(reportLibraryError);
  };
  const entries: MenuEntry[] = [
    {
      key: 'none',
      label: t('personas:picker.none'),
      leading: (
        <span className="persona-avatar persona-avatar-small persona-avatar-none" aria-hidden="true" />
      ),
      checked: current === null,
      onSelect: () => choose(null),
    },
    ...items.map((persona) => ({
      key: persona.id,
      label: persona.name,
      leading: <PersonaAvatar avatar={persona.avatar} size="small" />,
      checked: persona.id === current?.id,
      onSelect: () => choose(persona.id),
    })),
    {
      key: 'manage',
      label: t('personas:picker.manage'),
      leading: <Icon className="lib-icon" name="settings" size={16} />,
      separatorBefore: true,
      onSelect: () => openPersonaLibrary(current?.id),
    },
  ];

  return (
    <HeaderMenuButton
      className="persona-picker"
      name={name}
      label={t('personas:picker.label', { name })}
      menuLabel={t('personas:picker.menuLabel')}
      icon={
        current ? (
          <PersonaAvatar avatar={current.avatar} size="small" />
        ) : (
          <span className="persona-avatar persona-avatar-small persona-avatar-none" aria-hidden="true" />
        )
      }
      entries={entries}
    />
  );
}
