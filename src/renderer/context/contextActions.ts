import type { ConversationPage } from '../../shared/schemas';
import { call } from '../bridge/api';
import { noteContextChanged } from './inspectorStore';

/** Puts (or removes) a "clear context here" divider after a message; returns the page to show. */
export async function setContextBreak(messageId: string, enabled: boolean): Promise<ConversationPage> {
  const page = await call('message.setContextBreak', { messageId, enabled });
  noteContextChanged();
  return page;
}
