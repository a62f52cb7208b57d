import type { ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import type { Conversation } from '../../shared/schemas';
import { call } from '../bridge/api';
import { HeaderMenuButton } from '../personas/HeaderMenuButton';
import type { MenuEntry } from '../personas/PopoverMenu';
import { reportLibraryError } from '../state/library';
import { effectiveProvider, useProviders } from '../state/providerStore';
import { openSettings } from '../state/ui';
import './providers.css';
import { providerName } from './providerName';

/**
 * The conversation header's "Provider": the provider this conversation answers with, opening a
 * menu of the saved providers ("The provider in use" follows the default). A removed choice is
 * shown as the fallback it answers with, with a warning in its title.
 */
export function ProviderPicker({ conversation }: { conversation: Conversation }): ReactElement | null {
  const { t } = useTranslation();
  const providers = useProviders();
  if (!providers || providers.length === 0) return null;
  const chosenId = conversation.providerId ?? null;
  const { provider, removed } = effectiveProvider(providers, chosenId);
  const inUse = providers.find((p) => p.inUse);
  const name = provider ? providerName(t, provider) : '';

  const choose = (providerId: string | null): void => {
    if (providerId === chosenId) return;
    call('conversation.setProvider', { id: conversation.id, providerId }).catch(reportLibraryError);
  };
  const entries: MenuEntry[] = [
    {
      key: 'in-use',
      label: t('providers:picker.followInUse', { name: inUse ? providerName(t, inUse) : '' }),
      checked: chosenId === null || removed,
      onSelect: () => choose(null),
    },
    ...providers.map((p) => ({
      key: p.id,
      label: providerName(t, p),
      checked: !removed && p.id === chosenId,
      onSelect: () => choose(p.id),
    })),
    {
      key: 'manage',
      label: t('providers:picker.manage'),
      separatorBefore: true,
      onSelect: openSettings,
    },
  ];

  return (
    <HeaderMenuButton
      className={removed ? 'provider-picker-removed' : undefined}
      name={name}
      label={t('providers:picker.label', { name })}
      menuLabel={t('providers:picker.menuLabel')}
      title={removed ? t('providers:picker.removed', { name }) : undefined}
      entries={entries}
    />
  );
}
