/**
 * Test helpers: the shared chat-export samples are read in place from `/work/shared/testdata`
 * (never copied into the repository).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ImportedConversation, ImportedMessage } from '../store/types';
import type { ImportFile } from './types';

/** The folder holding the sample exports, resolved from this file. */
export const SAMPLES_DIR = fileURLToPath(
  new URL('../../../../shared/testdata/chat-exports/', import.meta.url),
);

/** A sample as a chosen file, e.g. `sample('librechat-import-fixtures/chatgpt-tree.json')`. */
export function sample(relativePath: string): ImportFile {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return { name, bytes: new Uint8Array(readFileSync(SAMPLES_DIR + relativePath)) };
}

/** A sample's raw text. */
export function sampleText(relativePath: string): string {
  return readFileSync(SAMPLES_DIR + relativePath, 'utf8');
}

/** The messages from the root to the current leaf. */
export function currentBranch(conversation: ImportedConversation): ImportedMessage[] {
  const byId = new Map(conversation.messages.map((message) => [message.localId, message]));
  const branch: ImportedMessage[] = [];
  let cursor =
    conversation.currentLeafLocalId === null ? undefined : byId.get(conversation.currentLeafLocalId);
  while (cursor) {
    branch.unshift(cursor);
    cursor = cursor.parentLocalId === null ? undefined : byId.get(cursor.parentLocalId);
  }
  return branch;
}

/** The messages whose parent is `localId`. */
export function childrenOf(conversation: ImportedConversation, localId: string | null): ImportedMessage[] {
  return conversation.messages.filter((message) => message.parentLocalId === localId);
}
