import type { Output } from '../../shared/contract';
import type { ConversationPage } from '../../shared/schemas';
import { offerMessageUndo } from '../state/library';
import { call } from '../bridge/api';
import { openConversation } from '../state/navigation';

/** What `chat.send`, `chat.edit` and `chat.regenerate` return: the ids of the new messages. */
export type SendStarted = Output<'chat.send'>;

/**
 * Sends a message. With no conversation open, creates one first, sends, and only then opens it
 * (through `open`: the main view's navigation, or the quick window's own), so the first view
 * already shows the message and the answer starting.
 */
export async function sendMessage(
  conversationId: string | null,
  content: string,
  open: (conversationId: string) => void = openConversation,
): Promise<SendStarted & { conversationId: string }> {
  if (conversationId) {
    const started = await call('chat.send', { conversationId, content });
    return { ...started, conversationId };
  }
  const conversation = await call('conversation.create', {});
  try {
    const started = await call('chat.send', { conversationId: conversation.id, content });
    return { ...started, conversationId: conversation.id };
  } finally {
    open(conversation.id);
  }
}

/** Stops a streaming answer at once; what arrived is kept and marked interrupted. */
export async function stopAnswer(messageId: string): Promise<void> {
  await call('chat.stop', { messageId });
}

/** A new version of an assistant message (also "Retry" after an error). */
export function regenerate(messageId: string): Promise<SendStarted> {
  return call('chat.regenerate', { messageId });
}

/** A new version of a user message, answered again. */
export function editAndSend(messageId: string, content: string): Promise<SendStarted> {
  return call('chat.edit', { messageId, content });
}

/** Removes a message (and the answers below it) from the shown branch, with an Undo offered. */
export async function deleteMessage(messageId: string): Promise<ConversationPage> {
  const view = await call('message.delete', { id: messageId });
  offerMessageUndo(view.conversation.id, messageId);
  return view;
}

/** Shows another version of a message. */
export function switchVersion(messageId: string): Promise<ConversationPage> {
  return call('message.switchVersion', { id: messageId });
}
