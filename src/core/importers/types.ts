import type { TruncatedItem } from '../../shared/schemas';
import type { ImportedConversation } from '../store/types';

export type { TruncatedItem } from '../../shared/schemas';

/** One file the user chose (or one entry of a zip), as raw bytes. */
export interface ImportFile {
  name: string;
  bytes: Uint8Array;
}

/** Something that was not imported, in words the user can act on. */
export interface SkippedItem {
  /** What it was: a conversation's title in quotes, or a file name. */
  item: string;
  reason: string;
}

/** Where the conversations came from: a ChatGPT data export or a Penpal backup. */
export type ImportSource = 'chatgpt' | 'penpal-backup';

/** What `parseImportFiles` found, ready for `store.importConversations`. */
export interface ParsedImport {
  source: ImportSource;
  conversations: ImportedConversation[];
  skipped: SkippedItem[];
  /** Conversations imported with text cut to the size limits. */
  truncated: TruncatedItem[];
}
