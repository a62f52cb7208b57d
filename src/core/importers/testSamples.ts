/**
 * Test helpers: the shared chat-export samples are read in place from `/work/shared/testdata`
 * (never copied into the repository), files made from text, and the expected import failure.
 */
import { strToU8 } from 'fflate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { AppError } from '../../shared/errors';
import type { ImportedConversation, ImportedMessage } from '../store/types';
import { parseImportFiles } from './index';
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

/** The messages whose parent is `localId`. */
export function childrenOf(conversation: ImportedConversation, localId: string | null): ImportedMessage[] {
  return conversation.messages.filter((message) => message.parentLocalId === localId);
}

/** A chosen file holding `body` as UTF-8. */
export function text(name: string, body: string): ImportFile {
  return { name, bytes: strToU8(body) };
}

/** The `import_failed` error parsing these files must throw. */
export function failure(files: ImportFile[]): AppError {
  try {
    parseImportFiles(files);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('import_failed');
    return error as AppError;
  }
  throw new Error('expected parseImportFiles to fail');
}
