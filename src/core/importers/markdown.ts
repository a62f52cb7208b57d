import type { ImportedConversation, ImportedMessage } from '../store/types';

/**
 * The conversation's shown branch as a Markdown document: title, dates, the system prompt, then
 * each message under a "**You**" / "**Assistant**" heading. Message text is already Markdown, so
 * code blocks are kept as they are.
 */
export function conversationToMarkdown(conversation: ImportedConversation): string {
  const lines: string[] = [`# ${oneLine(conversation.title) || 'Untitled conversation'}`, ''];
  const created = formatDate(conversation.createdAt);
  const updated = formatDate(conversation.updatedAt);
  lines.push(created === updated ? `*${created}*` : `*Created ${created} · Last updated ${updated}*`, '');
  if (conversation.systemPrompt.trim()) {
    lines.push('**System prompt**', '', conversation.systemPrompt.trim(), '');
  }
  for (const message of shownBranch(conversation)) {
    lines.push('---', '', heading(message), '', closeFences(message.content.trim()), '');
    // The cut is part of the record: an exported copy must not pass for the whole message.
    if (message.truncatedChars) {
      lines.push(`*(Truncated: ${message.truncatedChars.toLocaleString('en')} characters were cut.)*`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

/** The messages from the root to the current leaf (or to the newest message when none is set). */
export function shownBranch(conversation: ImportedConversation): ImportedMessage[] {
  const byId = new Map(conversation.messages.map((message) => [message.localId, message]));
  const last = conversation.messages[conversation.messages.length - 1];
  let cursor = conversation.currentLeafLocalId !== null ? byId.get(conversation.currentLeafLocalId) : last;
  const branch: ImportedMessage[] = [];
  const seen = new Set<string>();
  while (cursor && !seen.has(cursor.localId)) {
    seen.add(cursor.localId);
    branch.push(cursor);
    cursor = cursor.parentLocalId !== null ? byId.get(cursor.parentLocalId) : undefined;
  }
  return branch.reverse();
}

function heading(message: ImportedMessage): string {
  const time = formatDate(message.createdAt);
  if (message.role === 'user') return `**You** · ${time}`;
  if (message.role === 'system') return `**System** · ${time}`;
  const model = message.model ? ` (${message.model})` : '';
  const note = message.status === 'interrupted' ? ' · *interrupted*' : '';
  return `**Assistant**${model} · ${time}${note}`;
}

/** `2024-05-01 17:37 UTC`: the same in every locale, and unambiguous. */
function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** An answer cut off inside a code block would swallow everything after it; close the fence. */
function closeFences(text: string): string {
  let open: string | null = null;
  for (const line of text.split('\n')) {
    const match = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (!match) continue;
    const marker = match[1] as string;
    if (open === null) open = marker;
    else if (marker[0] === open[0] && marker.length >= open.length && line.trim() === marker) open = null;
  }
  return open === null ? text : `${text}\n${open}`;
}
