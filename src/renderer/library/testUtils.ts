import type { Conversation } from '../../shared/schemas';

/** A conversation with sensible defaults, for tests. */
export function makeConversation(id: string, updatedAt: string, extra: Partial<Conversation> = {}): Conversation {
  return {
    id,
    title: `Conversation ${id}`,
    createdAt: updatedAt,
    updatedAt,
    pinned: false,
    archived: false,
    deletedAt: null,
    messageCount: 2,
    systemPrompt: '',
    ...extra,
  };
}
