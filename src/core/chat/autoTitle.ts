import type OpenAI from 'openai';

/** Longest title kept, in characters, whatever the model sends. */
const MAX_TITLE_CHARS = 80;
/** How much of each message the title call sees: enough for the topic, cheap to send. */
const EXCERPT_CHARS = 1500;

const TITLE_INSTRUCTIONS =
  'You write a short title for a conversation. Reply with the title only: at most 6 words, in the ' +
  'same language as the conversation, no quotes, no final punctuation.';

/**
 * Asks the model for a short title of a first exchange, with one cheap non-streaming call.
 * Returns null when the answer is unusable; throws whatever the SDK throws (callers skip silently).
 */
export async function proposeTitle(options: {
  client: OpenAI;
  model: string;
  userText: string;
  answerText: string;
  signal?: AbortSignal;
}): Promise<string | null> {
  const completion = await options.client.chat.completions.create(
    {
      model: options.model,
      messages: [
        { role: 'system', content: TITLE_INSTRUCTIONS },
        {
          role: 'user',
          content: `User: ${options.userText.slice(0, EXCERPT_CHARS)}\n\nAssistant: ${options.answerText.slice(0, EXCERPT_CHARS)}`,
        },
      ],
    },
    { signal: options.signal, timeout: 20_000 },
  );
  return cleanTitle(completion.choices[0]?.message?.content ?? '');
}

/** Trims what models add around a title: quotes, "Title:", markdown, trailing dots, extra words. */
export function cleanTitle(raw: string): string | null {
  const firstLine = raw.trim().split('\n')[0] ?? '';
  let title = firstLine
    .replace(/^#+\s*/, '')
    .replace(/^(title|标题)\s*[:：]\s*/i, '')
    .replace(/^[\s"'“”‘’「」『』《》*_`]+|[\s"'“”‘’「」『』《》*_`]+$/g, '')
    .replace(/[.。!！?？,，;；:：]+$/, '')
    .trim();
  const words = title.split(/\s+/);
  if (words.length > 6) title = words.slice(0, 6).join(' ');
  if (title.length > MAX_TITLE_CHARS) title = `${title.slice(0, MAX_TITLE_CHARS - 1)}…`;
  return title ? title : null;
}
