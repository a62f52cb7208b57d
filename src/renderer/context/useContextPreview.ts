import { useEffect, useMemo, useRef, useState } from 'react';
import type { ContextPreview } from '../../shared/contextSchemas';
import type { ConversationPage } from '../../shared/schemas';
import { call } from '../bridge/api';
import { useContextVersion } from './inspectorStore';
import { notSentMarks, type NotSentMarks } from './notSent';

/** What `chat.previewContext` is asked for; null asks nothing. */
export interface PreviewRequest {
  conversationId: string;
  draft?: string;
  answerId?: string;
}

/** A preview being fetched: the last answer for this request, or its error. */
export interface PreviewState {
  preview: ContextPreview | null;
  error: unknown;
  loading: boolean;
}

/**
 * Fetches `chat.previewContext` for `request` whenever it or `refreshKey` changes, or the context
 * changed (`noteContextChanged`). The last request asked always wins over slower earlier ones.
 */
export function useContextPreview(request: PreviewRequest | null, refreshKey = ''): PreviewState {
  const version = useContextVersion();
  const [state, setState] = useState<PreviewState & { key: string }>({
    key: '',
    preview: null,
    error: null,
    loading: false,
  });
  const seq = useRef(0);
  const key = request ? JSON.stringify([request, refreshKey, version]) : '';

  useEffect(() => {
    if (!request) return;
    const mine = ++seq.current;
    setState((current) => ({ ...current, key, loading: true }));
    call('chat.previewContext', request).then(
      (preview) => mine === seq.current && setState({ key, preview, error: null, loading: false }),
      (error: unknown) => mine === seq.current && setState({ key, preview: null, error, loading: false }),
    );
    // `key` holds everything the request depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  // A preview made for another conversation is never shown.
  const stale = !request || state.preview?.conversationId !== request.conversationId;
  return {
    preview: stale ? null : state.preview,
    error: request ? state.error : null,
    loading: state.loading,
  };
}

/**
 * The next turn's request without a draft, for the token count and the "not sent" marks:
 * refetched when the conversation, its memory or persona, the model or the branch's tail change
 * (and after `noteContextChanged`), never per keystroke.
 */
export function useNextTurnPreview(
  view: ConversationPage | null,
  model: string | undefined,
): PreviewState & { marks: NotSentMarks; refreshKey: string } {
  const conversation = view?.conversation;
  const last = view && !view.hasMoreAfter ? view.messages.at(-1) : undefined;
  const refreshKey = conversation
    ? JSON.stringify([
        conversation.memory,
        conversation.personaId,
        conversation.updatedAt,
        model,
        view.totalCount,
        last?.id,
        last?.status,
      ])
    : '';
  const conversationId = conversation?.id;
  const request = useMemo(() => (conversationId ? { conversationId } : null), [conversationId]);
  const state = useContextPreview(request, refreshKey);
  const marks = useMemo(() => notSentMarks(state.preview), [state.preview]);
  return { ...state, marks, refreshKey };
}
