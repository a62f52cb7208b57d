import { getArray, getObject, getString, isObject, type JsonObject } from '../json';

/** What one ChatGPT message becomes before the tree is assembled. */
export interface Segment {
  /** `assistant` covers tool calls and tool output too; `context` is custom instructions. */
  kind: 'user' | 'assistant' | 'system' | 'context';
  text: string;
  /** Raw `create_time`; converted later so missing times can inherit from the parent. */
  createTime: unknown;
  model: string | null;
  /** The answer was cut off (`in_progress`, `finish_details.type: interrupted`). */
  interrupted: boolean;
}

/** A rendered message, and the content types that had to be replaced by placeholders. */
export interface RenderOutcome {
  segment: Segment | null;
  unsupported: string[];
}

// ChatGPT wraps inline citations in private-use characters (e.g. "\ue200cite\ue202turn0search0\ue201");
// they render as boxes anywhere but chatgpt.com.
const CITATION_MARKER = /\ue200[^\ue201]*\ue201/g;

/**
 * Renders one `mapping[id].message` as Markdown text, or a null segment when it shows nothing
 * (hidden, empty). Tool calls and tool output stay readable inside the assistant's turn.
 */
export function renderMessage(message: JsonObject): RenderOutcome {
  const unsupported: string[] = [];
  const author = getObject(message, 'author') ?? {};
  const role = getString(author, 'role') ?? 'assistant';
  const content = getObject(message, 'content') ?? {};
  const contentType = getString(content, 'content_type') ?? 'text';
  const metadata = getObject(message, 'metadata') ?? {};
  const base = {
    createTime: message.create_time,
    model: getString(metadata, 'model_slug') ?? null,
    interrupted: isInterrupted(message, metadata),
  };

  if (contentType === 'user_editable_context' || metadata.is_user_system_message === true) {
    const text = customInstructions(content, metadata);
    return { segment: text ? { ...base, kind: 'context', text } : null, unsupported };
  }
  if (metadata.is_visually_hidden_from_conversation === true) return { segment: null, unsupported };

  const recipient = getString(message, 'recipient') ?? 'all';
  const toolName = getString(author, 'name') ?? 'Tool';
  let text = renderContent(contentType, content, metadata, unsupported).trim();
  if (role === 'assistant' && recipient !== 'all' && text && contentType !== 'code') {
    text = fence(text, looksLikeJson(text) ? 'json' : '');
  }
  if (role === 'assistant' && recipient !== 'all' && text) text = `**→ ${recipient}**\n\n${text}`;
  if (role === 'tool' && text) text = `**${toolName} output**\n\n${toolBody(contentType, text)}`;
  if (role === 'user') text = appendAttachments(text, metadata);
  text = text.replace(CITATION_MARKER, '').trim();
  if (!text) return { segment: null, unsupported };

  const kind = role === 'user' ? 'user' : role === 'system' ? 'system' : 'assistant';
  return { segment: { ...base, kind, text }, unsupported };
}

function renderContent(
  contentType: string,
  content: JsonObject,
  metadata: JsonObject,
  unsupported: string[],
): string {
  switch (contentType) {
    case 'text':
    case 'multimodal_text':
      return renderParts(getArray(content, 'parts') ?? [], metadata, unsupported);
    case 'code': {
      const language = getString(content, 'language') ?? '';
      return fence(getString(content, 'text') ?? '', language === 'unknown' ? '' : language);
    }
    case 'execution_output':
      return getString(content, 'text') ?? '';
    case 'tether_browsing_display':
      return [getString(content, 'summary'), getString(content, 'result')].filter(Boolean).join('\n\n');
    case 'tether_quote': {
      const title = getString(content, 'title') ?? getString(content, 'domain') ?? '';
      const url = getString(content, 'url');
      const heading = url ? `[${title || url}](${url})` : title;
      return [heading, getString(content, 'text') ?? ''].filter(Boolean).join('\n\n');
    }
    case 'thoughts':
      return renderThoughts(content, metadata, unsupported);
    case 'reasoning_recap': {
      const recap =
        getString(content, 'content') ?? renderParts(getArray(content, 'parts') ?? [], metadata, unsupported);
      return recap.trim() ? `*${recap.trim()}*` : '';
    }
    case 'system_error':
      return `> **Error:** ${getString(content, 'text') ?? getString(content, 'name') ?? 'unknown error'}`;
    default:
      return renderUnknown(contentType, content, metadata, unsupported);
  }
}

/** Text parts, image/audio placeholders, transcriptions. */
function renderParts(parts: unknown[], metadata: JsonObject, unsupported: string[]): string {
  const pieces: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      pieces.push(part);
    } else if (isObject(part)) {
      const piece = renderPart(part, metadata, unsupported);
      if (piece) pieces.push(piece);
    }
  }
  return pieces.filter((piece) => piece.trim() !== '').join('\n\n');
}

function renderPart(part: JsonObject, metadata: JsonObject, unsupported: string[]): string {
  const type = getString(part, 'content_type') ?? 'unknown';
  const name = () => assetName(getString(part, 'asset_pointer'), metadata);
  if (type === 'image_asset_pointer') return `[Image: ${name()}]`;
  if (type === 'audio_asset_pointer') return `[Audio: ${name()}]`;
  if (type === 'video_container_asset_pointer') return `[Video: ${name()}]`;
  if (type === 'audio_transcription') return getString(part, 'text') ?? '';
  if (type === 'real_time_user_audio_video_asset_pointer') return '[Audio/video recording]';
  const text = getString(part, 'text');
  if (text !== undefined) return text;
  unsupported.push(type);
  return `[Unsupported content: ${type}]`;
}

/** `thoughts` is `[{summary, content}]` in real exports; some tools write `parts` instead. */
function renderThoughts(content: JsonObject, metadata: JsonObject, unsupported: string[]): string {
  const lines: string[] = [];
  const seen = new Set<string>();
  for (const thought of getArray(content, 'thoughts') ?? []) {
    if (!isObject(thought)) continue;
    const summary = (getString(thought, 'summary') ?? '').trim();
    const body = (getString(thought, 'content') ?? '').trim();
    // Real exports repeat a summary with an empty body while the model keeps thinking.
    if (!body && (!summary || seen.has(summary))) continue;
    seen.add(summary);
    lines.push([summary && `**${summary}**`, body].filter(Boolean).join('\n'));
  }
  if (lines.length === 0) lines.push(renderParts(getArray(content, 'parts') ?? [], metadata, unsupported));
  const text = lines.filter((line) => line.trim()).join('\n\n');
  return text ? quote(`*Thinking*\n\n${text}`) : '';
}

/** Newer content types: keep any text they carry, otherwise a placeholder that is reported. */
function renderUnknown(
  contentType: string,
  content: JsonObject,
  metadata: JsonObject,
  unsupported: string[],
): string {
  const text = getString(content, 'text') ?? getString(content, 'content');
  if (text !== undefined) return text;
  const parts = getArray(content, 'parts');
  if (parts) return renderParts(parts, metadata, unsupported);
  unsupported.push(contentType);
  return `[Unsupported content: ${contentType}]`;
}

/** Custom instructions: the clean `user_context_message_data` when present, else the content fields. */
function customInstructions(content: JsonObject, metadata: JsonObject): string {
  const data = getObject(metadata, 'user_context_message_data') ?? {};
  const about = (getString(data, 'about_user_message') ?? getString(content, 'user_profile') ?? '').trim();
  const how = (
    getString(data, 'about_model_message') ??
    getString(content, 'user_instructions') ??
    ''
  ).trim();
  if (about && how) return `About me:\n${about}\n\nHow to respond:\n${how}`;
  if (about || how) return about || how;
  return renderParts(getArray(content, 'parts') ?? [], metadata, []).trim();
}

function isInterrupted(message: JsonObject, metadata: JsonObject): boolean {
  const finish = getObject(metadata, 'finish_details');
  return (
    getString(message, 'status') === 'in_progress' ||
    (finish !== undefined && getString(finish, 'type') === 'interrupted')
  );
}

/** `file-service://file-abc` or `sediment://file_1` → the uploaded file's name when known, else its id. */
function assetName(pointer: string | undefined, metadata: JsonObject): string {
  const id = (pointer ?? '').replace(/^[a-z-]+:\/\//, '') || 'unknown';
  const attachment = (getArray(metadata, 'attachments') ?? []).find(
    (entry) => isObject(entry) && entry.id === id,
  );
  return (isObject(attachment) && getString(attachment, 'name')) || id;
}

/** Uploaded files that no image part already names. */
function appendAttachments(text: string, metadata: JsonObject): string {
  const names: string[] = [];
  for (const entry of getArray(metadata, 'attachments') ?? []) {
    if (!isObject(entry)) continue;
    const name = getString(entry, 'name') ?? getString(entry, 'id');
    if (name && !text.includes(`[Image: ${name}]`)) names.push(`[File: ${name}]`);
  }
  return [text, ...names].filter(Boolean).join('\n\n');
}

function toolBody(contentType: string, text: string): string {
  return contentType === 'execution_output' ? fence(text, '') : quote(text);
}

/** A fenced block whose fence is longer than any backtick run inside, so the text cannot close it. */
function fence(text: string, language: string): string {
  let longest = 2;
  // A loop, not Math.max(...runs): huge tool outputs would overflow the argument list.
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const marker = '`'.repeat(longest + 1);
  return `${marker}${language}\n${text}\n${marker}`;
}

function quote(text: string): string {
  return text
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');
}

function looksLikeJson(text: string): boolean {
  return /^[[{]/.test(text) && /[\]}]$/.test(text);
}
