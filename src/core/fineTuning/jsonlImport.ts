import { decodeText } from '../journals/encoding';
import type { TrainingMessage, TrainingWeight } from '../../shared/fineTuningSchemas';

/** One line of an imported JSONL file: its messages, or the raw text when it is not the chat format. */
export interface ImportedLine {
  line: number;
  messages: TrainingMessage[];
  raw: string | null;
}

/** The messages of one parsed chat-format line, or null when it is not `{"messages": [{role, content}…]}`. */
export function chatLineMessages(value: unknown): TrainingMessage[] | null {
  if (typeof value !== 'object' || value === null || !('messages' in value)) return null;
  const list = (value as { messages: unknown }).messages;
  if (!Array.isArray(list)) return null;
  const messages: TrainingMessage[] = [];
  for (const item of list) {
    if (typeof item !== 'object' || item === null) return null;
    const { role, content, weight } = item as { role?: unknown; content?: unknown; weight?: unknown };
    if (typeof role !== 'string' || (typeof content !== 'string' && content !== null)) return null;
    const kept: TrainingWeight = weight === 0 ? 0 : 1;
    messages.push({ role: role.slice(0, 40), content: content ?? '', excluded: false, weight: kept });
  }
  return messages;
}

/**
 * Reads a JSONL file in the chat fine-tuning format. Blank lines are skipped; a line that does not
 * parse, or is not the chat format, is kept as raw text, so the data check lists it by its line
 * number instead of it disappearing.
 */
export function parseJsonlFile(bytes: Uint8Array): ImportedLine[] {
  const { text } = decodeText(bytes);
  const out: ImportedLine[] = [];
  text.split(/\r?\n/).forEach((content, index) => {
    if (!content.trim()) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      out.push({ line: index + 1, messages: [], raw: content });
      return;
    }
    const messages = chatLineMessages(parsed);
    out.push(
      messages ? { line: index + 1, messages, raw: null } : { line: index + 1, messages: [], raw: content },
    );
  });
  return out;
}
