import type { Conversation } from '../../shared/schemas';
import { notFound, read, writeTransaction, type StoreContext } from './context';
import { loadConversation } from './conversations';
import { toConversation } from './rows';

/** Which saved provider each conversation answers with (v8's `conversations.provider_id`). */
export interface ConversationProviderStore {
  /** Sets (or, with null, clears) a conversation's provider; `not_found` for a missing one. */
  set(conversationId: string, providerId: string | null): Conversation;
  /** How many conversations outside the Trash chose each provider id. */
  usage(): Map<string, number>;
}

/** The store of conversations' provider choices over an open store context. */
export function createConversationProviderStore(ctx: StoreContext): ConversationProviderStore {
  return {
    set: (conversationId, providerId) =>
      writeTransaction(ctx, () => {
        // Like a rename, not activity: the conversation keeps its place in the list.
        const { changes } = ctx
          .sql('UPDATE conversations SET provider_id = ? WHERE id = ? AND import_id IS NULL')
          .run(providerId, conversationId);
        if (Number(changes) === 0) throw notFound('conversation', conversationId);
        return toConversation(loadConversation(ctx, conversationId));
      }),
    usage: () =>
      read(ctx, () => {
        const rows = ctx
          .sql(
            `SELECT provider_id, COUNT(*) AS n FROM conversations
              WHERE provider_id IS NOT NULL AND deleted_at IS NULL AND import_id IS NULL
              GROUP BY provider_id`,
          )
          .all();
        return new Map(rows.map((row) => [String(row.provider_id), Number(row.n)]));
      }),
  };
}
