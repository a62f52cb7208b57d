import { useCallback, useEffect, useMemo, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConversationPage } from '../../shared/schemas';
import { onEvent } from '../bridge/api';
import { Icon } from '../components/Icon';
import { ContextButton } from '../context/ContextButton';
import { ContextInspector } from '../context/ContextInspector';
import { noteContextChanged, showNextTurnIfOpen, useInspectorTarget } from '../context/inspectorStore';
import { TokenCount } from '../context/TokenCount';
import { useNextTurnPreview } from '../context/useContextPreview';
import { PersonaPicker } from '../personas/PersonaPicker';
import { ProviderPicker } from '../providers/ProviderPicker';
import { conversationModel, useProviders } from '../state/providerStore';
import { useConversationView } from '../state/conversationView';
import { useSettings } from '../state/settingsStore';
import { PeriodSummaryCard } from '../youngerSelf/PeriodSummaryCard';
import { useYoungerSelf } from '../youngerSelf/useYoungerSelf';
import { hasFinished } from '../state/streamEvents';
import { openSettings } from '../state/ui';
import { sendMessage, stopAnswer, type SendStarted } from './chatActions';
import { Composer } from './Composer';
import { EmptyChat } from './EmptyChat';
import { errorText } from './errorText';
import type { MessageHandlers } from './messageHandlers';
import { MessageList } from './MessageList';

/** Which conversation a ChatView shows and how it reports a new one. */
export interface ChatViewProps {
  /** The conversation shown; null for a new chat (created by the first message). */
  conversationId: string | null;
  /** A message to scroll to once shown (after a search); the main view only. */
  focusMessageId?: string | null;
  /** A first message created this conversation: the owner now shows it. */
  onConversationCreated(conversationId: string): void;
  /**
   * The quick window's compact form: these controls replace the header's persona, context and
   * Settings controls, and the context inspector is not offered.
   */
  quickActions?: ReactNode;
}

/**
 * A conversation: header with the title and Settings, the virtualized messages, and the
 * composer. Tracks which answers are streaming so the Send button can become Stop at once. The
 * main view and the quick window each render one with their own conversation.
 */
export function ChatView(props: ChatViewProps): ReactElement {
  const { t } = useTranslation();
  const { conversationId, onConversationCreated, quickActions } = props;
  const focusMessageId = props.focusMessageId ?? null;
  const quick = quickActions !== undefined;
  const loaded = useConversationView(conversationId, focusMessageId);
  const { view, error: loadError, streamingIds, showLatest, replace } = loaded;
  // Asked once per conversation: a younger self's has the summary card and its answers' Sources.
  const youngerSelf = useYoungerSelf(view?.conversation.id);
  const settings = useSettings().current?.settings;
  const providers = useProviders();
  const inspector = useInspectorTarget();
  useEffect(showNextTurnIfOpen, [conversationId]);
  const [started, setStarted] = useState<ReadonlyMap<string, string>>(new Map());
  const [stopped, setStopped] = useState<ReadonlySet<string>>(new Set());
  // An action's failure, remembered with the conversation it happened in.
  const [failure, setFailure] = useState<{ conversationId: string | null; error: unknown } | null>(null);
  const actionError = failure && failure.conversationId === conversationId ? failure.error : null;
  const setActionError = useCallback(
    (error: unknown) => setFailure(error === null ? null : { conversationId, error }),
    [conversationId],
  );

  // Forget a started stream once its `chat.done` arrives.
  useEffect(
    () =>
      onEvent('chat.done', ({ messageId }) =>
        setStarted((current) => (current.has(messageId) ? without(current, messageId) : current)),
      ),
    [],
  );

  const liveIds = useMemo(() => {
    const ids = new Set<string>();
    for (const [id, conversation] of started) if (conversation === conversationId) ids.add(id);
    // The loaded messages stored as streaming, found once per load: no walk over the messages here.
    for (const id of streamingIds) ids.add(id);
    for (const id of stopped) ids.delete(id);
    return ids;
  }, [started, stopped, streamingIds, conversationId]);
  const busy = liveIds.size > 0;
  // The next request without the draft: the Tokens count's base and the "Not sent" marks.
  const nextTurn = useNextTurnPreview(view, settings?.model, busy);

  const noteStarted = useCallback(
    (result: SendStarted, inConversation: string | null) => {
      setFailure(null);
      const id = result.assistantMessageId;
      if (inConversation && !hasFinished(id))
        setStarted((current) => new Map(current).set(id, inConversation));
      // The new messages are at the tail, wherever the user had scrolled to.
      showLatest();
    },
    [showLatest],
  );
  const handlers: MessageHandlers = useMemo(
    () => ({
      onStarted: (result: SendStarted) => noteStarted(result, conversationId),
      onReplace: (next: ConversationPage) => replace(next),
      onFailure: setActionError,
    }),
    [noteStarted, replace, conversationId, setActionError],
  );

  const send = async (content: string): Promise<boolean> => {
    let shown = conversationId;
    try {
      const result = await sendMessage(conversationId, content, (created) => {
        shown = created;
        onConversationCreated(created);
      });
      noteStarted(result, result.conversationId);
      return true;
    } catch (error) {
      // A first message may have created (and opened) a conversation before failing.
      setFailure({ conversationId: shown, error });
      return false;
    }
  };
  const stop = (): void => {
    for (const id of liveIds) {
      setStopped((current) => new Set(current).add(id));
      stopAnswer(id).catch(setActionError);
    }
  };

  const context = useMemo(
    () => ({ baseURL: settings?.baseURL, model: settings?.model }),
    [settings?.baseURL, settings?.model],
  );
  const model = conversationModel(providers, view?.conversation.providerId, settings?.model);
  const inspectorShown = inspector.open && view !== null && !quick;
  const title = view?.conversation.title.trim() || t('chat:header.newConversation');
  const problem = actionError ?? (view ? null : loadError);
  const shownError = problem ? errorText(t, problem, context) : null;

  return (
    <main className={`chat${inspectorShown ? ' chat-with-panel' : ''}${quick ? ' chat-quick' : ''}`}>
      <header className="chat-header">
        <h1 className="chat-title" title={title}>
          {title}
        </h1>
        {quick ? (
          quickActions
        ) : (
          <>
            {view && <PersonaPicker conversation={view.conversation} />}
            {view && <ProviderPicker conversation={view.conversation} />}
            {model && <span className="chat-model">{model}</span>}
            {view && <ContextButton />}
            <button
              type="button"
              className="icon-button header-button"
              aria-label={t('common:settings')}
              title={t('common:settings')}
              onClick={openSettings}
            >
              <Icon name="settings" size={18} />
            </button>
          </>
        )}
      </header>
      {view && youngerSelf && !quick && <PeriodSummaryCard key={view.conversation.id} self={youngerSelf} />}
      {view && view.messages.length > 0 ? (
        <MessageList
          messages={view.messages}
          hasMoreBefore={view.hasMoreBefore}
          hasMoreAfter={view.hasMoreAfter}
          kind={loaded.kind}
          anchorId={loaded.anchorId}
          onLoadOlder={loaded.loadOlder}
          onLoadNewer={loaded.loadNewer}
          onShowLatest={showLatest}
          liveIds={liveIds}
          busy={busy}
          notSent={nextTurn.marks}
          focusMessageId={focusMessageId}
          context={context}
          showSources={youngerSelf !== null}
          handlers={handlers}
        />
      ) : (
        <EmptyChat loading={conversationId !== null && !view && !loadError} />
      )}
      <div className="chat-footer">
        {shownError && (
          <div className="chat-error" role="alert">
            <Icon name="alert" size={16} />
            <div>
              <p>{shownError.summary}</p>
              {shownError.detail && <p className="msg-error-detail">{shownError.detail}</p>}
            </div>
            <button
              type="button"
              className="icon-button"
              aria-label={t('common:close')}
              onClick={() => setActionError(null)}
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        )}
        <Composer
          streaming={busy}
          onSend={send}
          onStop={stop}
          meter={view && <TokenCount base={nextTurn.preview} />}
        />
      </div>
      {inspectorShown && view && (
        <ContextInspector
          conversation={view.conversation}
          messages={view.messages}
          answerId={inspector.answerId}
          refreshKey={nextTurn.refreshKey}
          onConversationChanged={loaded.refetch}
          onContextChanged={noteContextChanged}
        />
      )}
    </main>
  );
}

function without(map: ReadonlyMap<string, string>, id: string): ReadonlyMap<string, string> {
  const next = new Map(map);
  next.delete(id);
  return next;
}
