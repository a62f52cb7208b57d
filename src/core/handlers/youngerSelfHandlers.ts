import type { YoungerSelf } from '../../shared/contract/youngerSelf';
import { AppError } from '../../shared/errors';
import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import type { ConversationStore } from '../store/types';
import type { YoungerSelfLink } from '../youngerSelf/chatStore';
import { startYoungerSelfChat } from '../youngerSelf/startChat';
import type { PeriodSummaryMaker } from '../youngerSelf/summaryService';

type YoungerSelfMethods =
  | 'youngerSelf.start'
  | 'youngerSelf.get'
  | 'youngerSelf.sources'
  | 'youngerSelf.setSummary'
  | 'youngerSelf.makeSummary'
  | 'youngerSelf.stopSummary'
  | 'youngerSelf.setEmbeddings'
  | 'youngerSelf.setAgreedWhole';

function toWire(link: YoungerSelfLink): YoungerSelf {
  return {
    conversationId: link.conversationId,
    journalId: link.journalId,
    from: link.period.from,
    to: link.period.to,
    name: link.name,
    language: link.language,
    agreedWhole: link.agreedWhole,
    summary: link.summary,
    summaryEdited: link.summaryEdited,
    embeddingModel: link.embeddingModel,
    summaryMade: link.summaryMade,
    embeddedEntries: link.embeddedEntries,
  };
}

/** Handlers for younger-self conversations; a change is announced as the conversation's. */
export function youngerSelfHandlers(
  store: ConversationStore,
  events: EventBus,
  summaries: PeriodSummaryMaker,
): Pick<Handlers, YoungerSelfMethods> {
  const linked = (conversationId: string): YoungerSelfLink => {
    const link = store.youngerSelf.get(conversationId);
    if (!link) throw new AppError('not_found', 'This conversation is not with a younger self.');
    return link;
  };
  const changed = (link: YoungerSelfLink): YoungerSelf => {
    events.emit('conversation.changed', { id: link.conversationId });
    return toWire(link);
  };
  return {
    'youngerSelf.start': async (input) => {
      const conversation = startYoungerSelfChat(store, input);
      events.emit('library.changed', {});
      return conversation;
    },
    'youngerSelf.get': async ({ conversationId }) => {
      const link = store.youngerSelf.get(conversationId);
      return link ? toWire(link) : null;
    },
    'youngerSelf.sources': async ({ answerId }) => ({ sources: store.youngerSelf.sourcesFor(answerId) }),
    'youngerSelf.setSummary': async ({ conversationId, text }) =>
      changed(store.youngerSelf.setSummary(linked(conversationId).conversationId, text, true)),
    'youngerSelf.makeSummary': async ({ conversationId }) => toWire(await summaries.make(conversationId)),
    'youngerSelf.stopSummary': async ({ conversationId }) => {
      summaries.stop(conversationId);
      return { ok: true as const };
    },
    'youngerSelf.setEmbeddings': async ({ conversationId, model }) =>
      changed(store.youngerSelf.setEmbeddingModel(linked(conversationId).conversationId, model)),
    'youngerSelf.setAgreedWhole': async ({ conversationId, agreed }) =>
      changed(store.youngerSelf.setAgreedWhole(linked(conversationId).conversationId, agreed)),
  };
}
