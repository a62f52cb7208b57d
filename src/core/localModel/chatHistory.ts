import type { ChatHistoryItem } from 'node-llama-cpp';

/** One message of an OpenAI chat request as the engine accepts it. */
export interface WireMessage {
  role: string;
  content: unknown;
}

/** The text of a message's content: a string, or the text parts of a parts array. */
export function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part: unknown) => {
      const p = part as { type?: unknown; text?: unknown } | null;
      return p?.type === 'text' && typeof p.text === 'string' ? p.text : '';
    })
    .join('');
}

/**
 * An OpenAI `messages` array as node-llama-cpp's chat history, ending with the empty model turn
 * that the answer fills. `developer` counts as `system`; unknown roles are refused.
 */
export function toChatHistory(messages: readonly WireMessage[]): ChatHistoryItem[] {
  const history: ChatHistoryItem[] = messages.map((message) => {
    const text = contentText(message.content);
    if (message.role === 'system' || message.role === 'developer') return { type: 'system', text };
    if (message.role === 'user') return { type: 'user', text };
    if (message.role === 'assistant') return { type: 'model', response: [text] };
    throw new Error(`The role "${String(message.role).slice(0, 40)}" is not supported here.`);
  });
  history.push({ type: 'model', response: [] });
  return history;
}
