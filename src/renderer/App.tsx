import { useEffect, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { ChatView } from './chat/ChatView';
import { LinkConfirmDialog } from './components/LinkConfirmDialog';
import { NoticeBanner } from './components/NoticeBanner';
import { openSearchPalette } from './library/paletteStore';
import { SearchPalette } from './library/SearchPalette';
import { Sidebar } from './library/Sidebar';
import { JournalsSection } from './journals/JournalsSection';
import { closeJournals, useJournals } from './journals/journalsState';
import { TrainingSection } from './training/TrainingSection';
import { closeTraining, useTraining } from './training/trainingState';
import { PersonaLibrary } from './personas/PersonaLibrary';
import { SettingsDialog } from './settings/SettingsDialog';
import { WelcomeScreen } from './settings/WelcomeScreen';
import { useProviders } from './state/providerStore';
import { onEvent } from './bridge/api';
import { answerAsMainView, conversationFromHash } from './quick/openInMain';
import { openConversation, useNavigation } from './state/navigation';
import { useOpenNewestOnStart } from './state/openNewest';
import { usePersonas } from './state/personaStore';
import { BUILTIN_BASE_URL } from '../shared/builtinProvider';
import { reloadSettings, useSettings } from './state/settingsStore';
import { closeSettings, openSettings, useUi } from './state/ui';

/** Ctrl/Cmd+, opens Settings, as in most desktop apps. */
function useSettingsShortcut(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key === ',') {
        event.preventDefault();
        openSettings();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}

/**
 * The main view follows "Open in Penpal" from the quick window (the `shell.openInMain` event, or
 * the `#conversation=…` a browser-host quick page opened this tab with) and the native menus.
 */
function useOpenFromQuickChat(): void {
  useEffect(() => {
    const fromHash = conversationFromHash(location.hash);
    if (fromHash) {
      openConversation(fromHash);
      history.replaceState(null, '', location.pathname + location.search);
    }
    const stopAnswering = answerAsMainView();
    const stopListening = onEvent('shell.openInMain', ({ conversationId }) => {
      openConversation(conversationId);
      window.focus();
    });
    // The native menus and the tray: New chat, Search, Settings.
    const stopCommands = onEvent('shell.command', ({ command }) => {
      if (command === 'newChat') openConversation(null);
      else if (command === 'search') openSearchPalette();
      else openSettings();
    });
    return () => {
      stopAnswering();
      stopListening();
      stopCommands();
    };
  }, []);
}

/**
 * The whole window: the welcome screen until a key is configured; then the library's sidebar on
 * the left, the chat on the right, and the dialogs (Settings, search, link confirmation) on top.
 */
export function App(): ReactElement {
  const { t } = useTranslation();
  const { current, error } = useSettings();
  const { settingsOpen } = useUi();
  const { libraryOpen: personasOpen } = usePersonas();
  const providers = useProviders();
  // Ready once a key can go to the provider in use: the settings' key, its own, none needed, or
  // the model on this computer (which needs none).
  const inUseKey = providers?.find((provider) => provider.inUse)?.key.source;
  const ready =
    current !== null &&
    (current.key.configured ||
      inUseKey === 'own' ||
      inUseKey === 'keyless' ||
      current.settings.baseURL === BUILTIN_BASE_URL);
  const { open: journalsOpen } = useJournals();
  const { open: trainingOpen } = useTraining();
  const navigation = useNavigation();
  // Opening a conversation (from the sidebar, search or a younger-self chat) leaves the Journals
  // section and the Training data screen.
  useEffect(() => {
    closeJournals();
    closeTraining();
  }, [navigation.conversationId]);
  useSettingsShortcut(ready);
  useOpenNewestOnStart(ready);
  useOpenFromQuickChat();

  if (!current) {
    return (
      <div className="splash">
        {error ? (
          <div className="splash-error" role="alert">
            <p>{t('common:startFailed', { message: error })}</p>
            <button type="button" className="btn" onClick={() => void reloadSettings()}>
              {t('common:retry')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('common:loading')}</p>
        )}
      </div>
    );
  }

  if (!ready) return <WelcomeScreen snapshot={current} />;

  return (
    <div className="app">
      <div className="app-sidebar">
        <Sidebar />
      </div>
      <div className="app-main">
        <NoticeBanner />
        {journalsOpen ? (
          <JournalsSection />
        ) : trainingOpen ? (
          <TrainingSection />
        ) : (
          <ChatView
            conversationId={navigation.conversationId}
            focusMessageId={navigation.focusMessageId}
            onConversationCreated={openConversation}
          />
        )}
      </div>
      {settingsOpen && <SettingsDialog snapshot={current} onClose={closeSettings} />}
      {personasOpen && <PersonaLibrary />}
      <SearchPalette />
      <LinkConfirmDialog />
    </div>
  );
}
