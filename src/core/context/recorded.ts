import { ContextPreviewSchema, type ContextPreview } from '../../shared/contextSchemas';

/**
 * The request recorded with each answer, kept small: history parts are stored without their text
 * (messages never change once finished, so their ids are enough), the parts Penpal made (system
 * prompt, examples, summary, prompt) whole. A 500-message request costs a few kilobytes, not the
 * whole conversation again for every answer.
 */

/** Marks a history part whose text is to be read back from its message. */
const FROM_MESSAGE = '';

/** The preview as stored: history parts without their text. */
export function compactPreview(preview: ContextPreview): ContextPreview {
  return {
    ...preview,
    parts: preview.parts.map((part) =>
      part.kind === 'history' && part.messageId !== null ? { ...part, content: FROM_MESSAGE } : part,
    ),
  };
}

/** The ids whose text a stored preview needs. */
export function neededMessageIds(stored: ContextPreview): string[] {
  return stored.parts.flatMap((part) =>
    part.kind === 'history' && part.messageId !== null && part.content === FROM_MESSAGE
      ? [part.messageId]
      : [],
  );
}

/** What is shown for a message deleted for good since (its text is gone from the library). */
export const GONE_TEXT = '[This message was deleted.]';

/**
 * The stored preview with the history text read back; null when what is stored is not a preview
 * (damaged, or from a build that recorded something else).
 */
export function expandPreview(
  stored: unknown,
  contents: (ids: string[]) => Map<string, string>,
): ContextPreview | null {
  const parsed = ContextPreviewSchema.safeParse(stored);
  if (!parsed.success) return null;
  const texts = contents(neededMessageIds(parsed.data));
  return {
    ...parsed.data,
    parts: parsed.data.parts.map((part) =>
      part.kind === 'history' && part.messageId !== null && part.content === FROM_MESSAGE
        ? { ...part, content: texts.get(part.messageId) ?? GONE_TEXT }
        : part,
    ),
  };
}
