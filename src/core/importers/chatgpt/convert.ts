import type { ImportedConversation, ImportedMessage } from '../../store/types';
import { getNumber, getObject, getString, isObject, unixToIso, type JsonObject } from '../json';
import type { SkippedItem } from '../types';
import { renderMessage, type Segment } from './content';
import { buildTree } from './tree';

/** One converted conversation (null when it had to be skipped) and what was left out of it. */
export interface ConvertOutcome {
  conversation: ImportedConversation | null;
  skipped: SkippedItem[];
}

const EPOCH = '1970-01-01T00:00:00.000Z';

/**
 * Converts one element of ChatGPT's `conversations.json` with every branch of its `mapping` tree.
 * `label` names it in reports when it has no title (e.g. `conversation 3 in conversations.json`).
 */
export function convertChatGptConversation(raw: unknown, label: string): ConvertOutcome {
  if (!isObject(raw)) return skip(label, 'It is not a conversation object.');
  const givenTitle = getString(raw, 'title')?.trim() ?? '';
  const item = givenTitle ? `"${givenTitle}"` : label;
  const mapping = getObject(raw, 'mapping');
  if (!mapping || Object.keys(mapping).length === 0) {
    return skip(item, 'The export holds no messages for it (its message tree is missing).');
  }

  const segments = new Map<string, Segment>();
  const parents = new Map<string, string | undefined>();
  const unsupported = new Set<string>();
  const context: string[] = [];
  for (const [nodeId, node] of Object.entries(mapping)) {
    if (!isObject(node)) continue;
    parents.set(nodeId, getString(node, 'parent'));
    const message = getObject(node, 'message');
    if (!message) continue;
    const outcome = renderMessage(message);
    for (const type of outcome.unsupported) unsupported.add(type);
    const segment = outcome.segment;
    if (!segment) continue;
    // Custom instructions and visible system text belong to the system prompt, not the thread.
    if (segment.kind === 'context' || segment.kind === 'system') {
      if (!context.includes(segment.text)) context.push(segment.text);
    } else {
      segments.set(nodeId, segment);
    }
  }

  const defaultModel = getString(raw, 'default_model_slug') ?? null;
  const createdAt = unixToIso(raw.create_time) ?? earliestTime(segments) ?? EPOCH;
  const tree = buildTree(segments, parents, getString(raw, 'current_node'));
  const messages: ImportedMessage[] = [];
  const byLocalId = new Map<string, ImportedMessage>();
  const localIdOf = new Map<string, string>();
  for (const nodeId of tree.order) {
    const segment = segments.get(nodeId);
    if (!segment) continue;
    const keptParent = tree.keptParent.get(nodeId) ?? null;
    const parentLocalId = keptParent === null ? null : (localIdOf.get(keptParent) ?? null);
    const parent = parentLocalId === null ? undefined : byLocalId.get(parentLocalId);
    // A turn's thoughts, tool calls, tool output and answer are separate nodes in ChatGPT;
    // Penpal shows one assistant message per turn unless the tree branches in between.
    if (segment.kind === 'assistant' && parent?.role === 'assistant' && tree.childCount(keptParent) === 1) {
      parent.content += `\n\n${segment.text}`;
      parent.model = segment.model ?? parent.model;
      parent.status = segment.interrupted ? 'interrupted' : 'done';
      localIdOf.set(nodeId, parent.localId);
      continue;
    }
    const message: ImportedMessage = {
      localId: nodeId,
      parentLocalId,
      role: segment.kind === 'user' ? 'user' : 'assistant',
      content: segment.text,
      createdAt: notBefore(unixToIso(segment.createTime), parent?.createdAt ?? createdAt),
      model: segment.kind === 'assistant' ? (segment.model ?? defaultModel) : null,
      status: segment.interrupted ? 'interrupted' : 'done',
    };
    messages.push(message);
    byLocalId.set(message.localId, message);
    localIdOf.set(nodeId, message.localId);
  }

  const skipped: SkippedItem[] = [];
  if (unsupported.size > 0) {
    const types = [...unsupported].join(', ');
    skipped.push({
      item,
      reason: `Some content could not be imported and is marked by a placeholder (${types}).`,
    });
  }
  if (tree.unreachable > 0) {
    skipped.push({
      item,
      reason: `${tree.unreachable} message(s) were left out: the export's message tree loops back on itself.`,
    });
  }
  if (messages.length === 0) {
    return { conversation: null, skipped: [...skipped, { item, reason: 'It has no visible messages.' }] };
  }

  const latest = messages.reduce(
    (max, message) => (message.createdAt > max ? message.createdAt : max),
    createdAt,
  );
  const conversation: ImportedConversation = {
    sourceKey: `chatgpt:${getString(raw, 'conversation_id') ?? getString(raw, 'id') ?? fallbackId(raw, mapping)}`,
    title: givenTitle || titleFromMessages(messages),
    createdAt,
    updatedAt: unixToIso(raw.update_time) ?? latest,
    systemPrompt: context.join('\n\n'),
    messages,
    currentLeafLocalId: tree.currentLeaf === null ? null : (localIdOf.get(tree.currentLeaf) ?? null),
  };
  if (raw.is_starred === true) conversation.pinned = true;
  if (raw.is_archived === true) conversation.archived = true;
  return { conversation, skipped };
}

function skip(item: string, reason: string): ConvertOutcome {
  return { conversation: null, skipped: [{ item, reason }] };
}

/**
 * ChatGPT sometimes stamps an answer a few milliseconds before its question; a reply never
 * predates what it answers, so time-ordered views keep the thread's order.
 */
function notBefore(time: string | undefined, earliest: string): string {
  return time === undefined || time < earliest ? earliest : time;
}

function earliestTime(segments: Map<string, Segment>): string | undefined {
  let earliest: string | undefined;
  for (const segment of segments.values()) {
    const time = unixToIso(segment.createTime);
    if (time && (!earliest || time < earliest)) earliest = time;
  }
  return earliest;
}

function titleFromMessages(messages: ImportedMessage[]): string {
  const first = messages.find((message) => message.role === 'user')?.content ?? '';
  const line = first.replace(/\s+/g, ' ').trim();
  if (!line) return 'Untitled conversation';
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

/** A stable id for a conversation that lost its own, so importing it twice still adds it once. */
function fallbackId(raw: JsonObject, mapping: JsonObject): string {
  const seed = `${getString(raw, 'title') ?? ''}|${getNumber(raw, 'create_time') ?? ''}|${Object.keys(mapping).join(',')}`;
  // FNV-1a, 32 bits twice with different offsets: enough to tell conversations apart, no crypto needed.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let index = 0; index < seed.length; index++) {
    const code = seed.charCodeAt(index);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x01000193) >>> 0;
  }
  return `noid-${a.toString(16).padStart(8, '0')}${b.toString(16).padStart(8, '0')}`;
}
