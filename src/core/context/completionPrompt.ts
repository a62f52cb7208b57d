import type { CompletionTemplate, ContextPart } from '../../shared/contextSchemas';

/** The labels a text template falls back to when a persona has none. */
export const DEFAULT_COMPLETION_TEMPLATE: CompletionTemplate = {
  instruction: '',
  userLabel: 'USER',
  assistantLabel: 'ASSISTANT',
};

/**
 * Renders the parts of a request into the one prompt a base model at `/v1/completions` continues,
 * the way the classic GPT-3 bots were written:
 *
 *     <instruction>
 *     <system prompt, summary and other system parts, in order>
 *
 *     USER: <example question>
 *     SKIPPY: <example answer>
 *     USER: <history…>
 *     SKIPPY:
 *
 * The prompt ends with the assistant's label for the model to continue. Both labels, each at the
 * start of a line, are the stop sequences: the model ends its turn instead of writing the user's
 * next line. `parts` come in request order (system, examples, summary, history, the new message).
 */
export function renderCompletionPrompt(
  template: CompletionTemplate | null,
  parts: ContextPart[],
): { prompt: string; stop: string[] } {
  const { instruction, userLabel, assistantLabel } = normalized(template);
  const header = [instruction, ...parts.filter((p) => p.role === 'system').map((p) => p.content)]
    .map((text) => text.trim())
    .filter((text) => text.length > 0);
  const lines = parts
    .filter((p) => p.role !== 'system')
    .map((p) => `${p.role === 'user' ? userLabel : assistantLabel}: ${oneTurn(p.content)}`);
  lines.push(`${assistantLabel}:`);
  const prompt = header.length > 0 ? `${header.join('\n\n')}\n\n${lines.join('\n')}` : lines.join('\n');
  const stop = [...new Set([`\n${userLabel}:`, `\n${assistantLabel}:`])];
  return { prompt, stop };
}

function normalized(template: CompletionTemplate | null): CompletionTemplate {
  const userLabel = template?.userLabel.trim() || DEFAULT_COMPLETION_TEMPLATE.userLabel;
  const assistantLabel = template?.assistantLabel.trim() || DEFAULT_COMPLETION_TEMPLATE.assistantLabel;
  return { instruction: template?.instruction ?? '', userLabel, assistantLabel };
}

// A turn's text stays on its own lines, but blank lines inside it are closed up: a base model reads
// a blank line as the end of the dialogue. Trailing spaces would make the next label drift.
function oneTurn(content: string): string {
  return content
    .trim()
    .replace(/\r\n?/g, '\n')
    .replace(/\n{2,}/g, '\n');
}
