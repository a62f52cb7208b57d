import {
  MAX_MESSAGE_CHARS,
  MAX_SYSTEM_PROMPT_CHARS,
  MAX_TITLE_CHARS,
  truncateText,
} from '../../shared/limits';
import type { ImportedConversation } from '../store/types';
import type { TruncatedItem } from './types';

/** The text limits an import applies; tests pass smaller ones. */
export interface TextLimits {
  maxMessageChars: number;
  maxTitleChars: number;
  maxSystemPromptChars: number;
}

/** Penpal's limits (see `shared/limits.ts` for why each number). */
export const DEFAULT_TEXT_LIMITS: TextLimits = {
  maxMessageChars: MAX_MESSAGE_CHARS,
  maxTitleChars: MAX_TITLE_CHARS,
  maxSystemPromptChars: MAX_SYSTEM_PROMPT_CHARS,
};

/**
 * The conversation with every message, its title and its system prompt cut to the limits. A cut
 * message keeps how many characters it lost in `truncatedChars` (added to what a backup already
 * recorded), so the conversation says "truncated" where it happened; `truncated` tells the report.
 * A long title ends in "…" instead (it is one line in a list, the ellipsis is its note).
 */
export function capConversation(
  conversation: ImportedConversation,
  limits: TextLimits = DEFAULT_TEXT_LIMITS,
): { conversation: ImportedConversation; truncated: TruncatedItem | null } {
  let messages = 0;
  let chars = 0;
  const capped = conversation.messages.map((message) => {
    const { text, cut } = truncateText(message.content, limits.maxMessageChars);
    if (cut === 0) return message;
    messages++;
    chars += cut;
    return { ...message, content: text, truncatedChars: (message.truncatedChars ?? 0) + cut };
  });
  // A title at the limit is kept whole; a longer one keeps room for its ellipsis.
  const title =
    conversation.title.length > limits.maxTitleChars
      ? truncateText(conversation.title, limits.maxTitleChars - 1)
      : { text: conversation.title, cut: 0 };
  const systemPrompt = truncateText(conversation.systemPrompt, limits.maxSystemPromptChars);
  chars += systemPrompt.cut;
  if (messages === 0 && title.cut === 0 && systemPrompt.cut === 0) return { conversation, truncated: null };
  const result: ImportedConversation = {
    ...conversation,
    title: title.cut > 0 ? `${title.text}…` : conversation.title,
    systemPrompt: systemPrompt.text,
    messages: messages > 0 ? capped : conversation.messages,
  };
  const truncated =
    messages > 0 || systemPrompt.cut > 0
      ? {
          item: result.title ? `"${result.title}"` : 'An untitled conversation',
          messages,
          chars,
          systemPrompt: systemPrompt.cut > 0,
        }
      : null;
  return { conversation: result, truncated };
}
