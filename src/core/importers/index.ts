/**
 * Import and export formats: ChatGPT data exports (one `conversations.json`, the split
 * `conversations-NNN.json` layout, or a zip of either) and Penpal's own backup. Pure functions:
 * the store does the writing and the `sourceKey` de-duplication.
 */
import { AppError } from '../../shared/errors';
import type { ZipLimits } from '../../shared/limits';
import type { ImportedConversation } from '../store/types';
import { isPenpalDocument, readPenpalDocument } from './backup';
import { convertChatGptConversation } from './chatgpt/convert';
import { baseName, readDocuments, type JsonDocument } from './files';
import { getArray, getObject, isObject, type JsonObject } from './json';
import { capConversation, DEFAULT_TEXT_LIMITS, type TextLimits } from './sizeLimits';
import type { ImportFile, ImportSource, ParsedImport, SkippedItem, TruncatedItem } from './types';

export type { ImportFile, ImportSource, ParsedImport, SkippedItem, TruncatedItem } from './types';
export { backupToJson, conversationToJson } from './backup';
export { conversationToMarkdown } from './markdown';

/** A conversation to convert and the words that name it when it has no title. */
interface PendingConversation {
  raw: unknown;
  label: string;
}

const NOT_RECOGNISED = 'is not a ChatGPT export or a Penpal backup';
const CLAUDE =
  'looks like a Claude.ai export. Penpal can import ChatGPT data exports (conversations.json or the zip) and Penpal backups';

/** Size limits of one import; Penpal's own (`shared/limits.ts`) unless a test passes smaller ones. */
export interface ImportLimits {
  zip?: ZipLimits;
  text?: TextLimits;
}

/**
 * Detects the format of the chosen files by their content and converts them. Throws
 * `AppError('import_failed')` with a human message for unrecognised or damaged input (a zip that
 * inflates past the limits among them); anything left out of an otherwise readable file is listed
 * in `skipped`, and text cut to the size limits in `truncated`.
 */
export function parseImportFiles(
  files: ImportFile[],
  onProgress?: (done: number, total: number) => void,
  limits: ImportLimits = {},
): ParsedImport {
  if (files.length === 0) throw new AppError('import_failed', 'No file was chosen to import.');
  const documents = readDocuments(files, limits.zip);
  const pending: PendingConversation[] = [];
  const penpal: { name: string; value: JsonObject }[] = [];
  const manifests: JsonDocument[] = [];
  const skipped: SkippedItem[] = [];
  // Whether any document is neither a backup nor a manifest: ChatGPT content (or an error below).
  let hasChatGpt = false;

  for (const document of documents) {
    const { value, name } = document;
    if (isPenpalDocument(value)) penpal.push({ name, value });
    else if (isManifest(value)) manifests.push(document);
    else {
      hasChatGpt = true;
      if (Array.isArray(value)) collectArray(value, name, pending, skipped);
      else if (looksLikeChatGpt(value)) pending.push({ raw: value, label: `the conversation in ${name}` });
      else if (looksLikeClaude(value)) throw new AppError('import_failed', `"${name}" ${CLAUDE}.`);
      else throw new AppError('import_failed', `"${name}" ${NOT_RECOGNISED}.`);
    }
  }
  if (penpal.length > 0 && hasChatGpt) {
    throw new AppError(
      'import_failed',
      'Choose either a Penpal backup or a ChatGPT export, not both at once.',
    );
  }
  if (manifests.length > 0 && !hasChatGpt) {
    throw new AppError(
      'import_failed',
      'export_manifest.json only lists the files of a ChatGPT export. Choose the conversations-…json files with it, or the whole zip.',
    );
  }
  for (const manifest of manifests) skipped.push(...missingShards(manifest, documents));

  const source: ImportSource = penpal.length > 0 ? 'penpal-backup' : 'chatgpt';
  const converted: ImportedConversation[] = [];
  if (source === 'penpal-backup') {
    for (const document of penpal) {
      const result = readPenpalDocument(document.value, document.name);
      converted.push(...result.conversations);
      skipped.push(...result.skipped);
    }
    onProgress?.(converted.length, converted.length);
  } else {
    // At most ~100 progress calls: each one may become an event sent to the window.
    const step = Math.max(1, Math.floor(pending.length / 100));
    pending.forEach((entry, index) => {
      const outcome = convertChatGptConversation(entry.raw, entry.label);
      if (outcome.conversation) converted.push(outcome.conversation);
      skipped.push(...outcome.skipped);
      const done = index + 1;
      if (done % step === 0 || done === pending.length) onProgress?.(done, pending.length);
    });
  }

  const truncated: TruncatedItem[] = [];
  const conversations = dropDuplicates(converted, skipped).map((conversation) => {
    const capped = capConversation(conversation, limits.text ?? DEFAULT_TEXT_LIMITS);
    if (capped.truncated) truncated.push(capped.truncated);
    return capped.conversation;
  });
  if (conversations.length === 0 && skipped.length === 0) {
    throw new AppError('import_failed', 'No conversations were found in the chosen files.');
  }
  return { source, conversations, skipped, truncated };
}

function collectArray(
  items: unknown[],
  fileName: string,
  pending: PendingConversation[],
  skipped: SkippedItem[],
): void {
  if (items.length > 0 && !items.some(looksLikeChatGpt)) {
    const what = items.some(looksLikeClaude) ? CLAUDE : NOT_RECOGNISED;
    throw new AppError('import_failed', `"${fileName}" ${what}.`);
  }
  items.forEach((item, index) => {
    const label = `conversation ${index + 1} in ${fileName}`;
    if (looksLikeChatGpt(item)) pending.push({ raw: item, label });
    else if (looksLikeClaude(item))
      skipped.push({ item: label, reason: 'It is a Claude.ai conversation, not a ChatGPT one.' });
    else skipped.push({ item: label, reason: 'It is not a ChatGPT conversation.' });
  });
}

function looksLikeChatGpt(value: unknown): boolean {
  if (!isObject(value)) return false;
  if ('mapping' in value || 'current_node' in value) return true;
  return 'title' in value && ('conversation_id' in value || 'create_time' in value);
}

function looksLikeClaude(value: unknown): boolean {
  return isObject(value) && ('chat_messages' in value || ('uuid' in value && 'name' in value));
}

function isManifest(value: unknown): boolean {
  return isObject(value) && ('export_files' in value || 'logical_files' in value);
}

/** Shards the manifest lists for conversations.json that are not among the chosen files. */
function missingShards(manifest: JsonDocument, documents: JsonDocument[]): SkippedItem[] {
  const logical = isObject(manifest.value) ? getObject(manifest.value, 'logical_files') : undefined;
  const entry = logical ? getObject(logical, 'conversations.json') : undefined;
  const listed = (entry ? getArray(entry, 'files') : undefined) ?? [];
  const present = new Set(documents.map((document) => document.baseName));
  return listed
    .filter((path): path is string => typeof path === 'string')
    .filter((path) => !present.has(baseName(path)))
    .map((path) => ({
      item: path,
      reason: `${manifest.baseName} lists this part of the export, but it was not among the chosen files; its conversations were not imported.`,
    }));
}

/** The same conversation twice (overlapping shards, a file chosen twice): keep the first. */
function dropDuplicates(
  conversations: ImportedConversation[],
  skipped: SkippedItem[],
): ImportedConversation[] {
  const seen = new Set<string>();
  return conversations.filter((conversation) => {
    if (!seen.has(conversation.sourceKey)) {
      seen.add(conversation.sourceKey);
      return true;
    }
    skipped.push({
      item: `"${conversation.title}"`,
      reason: 'It appears more than once in the chosen files; it was imported once.',
    });
    return false;
  });
}
