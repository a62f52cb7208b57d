import { AppError } from '../../shared/errors';
import type { ZipLimits } from '../../shared/limits';
import type { ImportFile } from './types';
import { damaged, inflateZipEntries, listZipEntries, type ZipEntry } from './zipReader';

/** One JSON file read from the user's files or from inside a zip. */
export interface JsonDocument {
  /** The name shown in messages, e.g. `conversations-001.json` or `export.zip › conversations.json`. */
  name: string;
  /** The file name alone, for matching against a manifest. */
  baseName: string;
  value: unknown;
}

// The files of a ChatGPT export that hold conversations; `user.json`, `chat.html`, assets… are ignored.
const CONVERSATION_FILE = /^conversations(-\d+)?\.json$/i;
const MANIFEST_FILE = 'export_manifest.json';

/**
 * Reads every chosen file as JSON, unpacking zips within `zipLimits` (the defaults when absent).
 * Throws `import_failed` with the file's name.
 */
export function readDocuments(files: ImportFile[], zipLimits?: ZipLimits): JsonDocument[] {
  const documents: JsonDocument[] = [];
  for (const file of files) {
    if (isZip(file.bytes)) {
      for (const entry of unzipExport(file, zipLimits))
        documents.push(parseJson(entry, `${file.name} › ${entry.name}`));
    } else {
      documents.push(parseJson(file, file.name));
    }
  }
  // Shards are read in order (conversations-000 before -001) whatever order they were chosen in.
  return documents.sort((a, b) => a.name.localeCompare(b.name, 'en', { numeric: true }));
}

/** Whether the bytes start like a zip archive (a local file header or an empty archive's end record). */
function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05)
  );
}

function unzipExport(file: ImportFile, limits: ZipLimits | undefined): ImportFile[] {
  let entries: ZipEntry[];
  try {
    entries = listZipEntries(file.bytes).filter((entry) => !entry.name.endsWith('/'));
  } catch (error) {
    throw damaged(file.name, error);
  }
  if (entries.length === 0) throw new AppError('import_failed', `"${file.name}" is an empty zip file.`);
  // macOS adds "__MACOSX/._name" resource forks that are not JSON.
  const readable = entries.filter(
    (entry) => !entry.name.startsWith('__MACOSX/') && !baseName(entry.name).startsWith('._'),
  );
  const conversationFiles = readable.filter((entry) => CONVERSATION_FILE.test(baseName(entry.name)));
  let chosen: ZipEntry[];
  if (conversationFiles.length === 0) {
    // A zipped Penpal backup has no conversations.json; look at its other JSON files.
    chosen = readable.filter((entry) => entry.name.toLowerCase().endsWith('.json'));
    if (chosen.length === 0) {
      throw new AppError(
        'import_failed',
        `"${file.name}" holds no conversations.json. Is it a ChatGPT data export?`,
      );
    }
  } else {
    // An export keeps its conversations in one folder; other folders (e.g. "sites/") have their own manifests.
    const shallowest = conversationFiles.reduce((best, entry) =>
      depth(entry.name) < depth(best.name) ? entry : best,
    ).name;
    const folder = folderOf(shallowest);
    chosen = readable.filter(
      (entry) =>
        folderOf(entry.name) === folder &&
        (CONVERSATION_FILE.test(baseName(entry.name)) || baseName(entry.name) === MANIFEST_FILE),
    );
  }
  // Only the chosen entries are inflated, and only within the limits.
  const inflated = inflateZipEntries(file.bytes, chosen, file.name, limits);
  return [...inflated].map(([name, bytes]) => ({ name, bytes }));
}

function folderOf(path: string): string {
  return path.slice(0, path.length - baseName(path).length);
}

function parseJson(file: ImportFile, name: string): JsonDocument {
  let text: string;
  try {
    text = new TextDecoder('utf-8').decode(file.bytes);
  } catch {
    // V8 strings stop at about 512 MB; a bigger single file cannot be read in one piece.
    const megabytes = Math.round(file.bytes.length / 1024 / 1024);
    throw new AppError('import_failed', `"${name}" is too large to read (${megabytes} MB).`);
  }
  const start = text.search(/\S/);
  const first = start === -1 ? '' : text[start];
  if (first !== '{' && first !== '[') {
    const what = start === -1 ? 'is empty' : 'is not a ChatGPT export, a zip of one, or a Penpal backup';
    throw new AppError('import_failed', `"${name}" ${what}.`);
  }
  try {
    return { name, baseName: baseName(name), value: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? `: ${error.message}` : '';
    throw new AppError(
      'import_failed',
      `"${name}" is not valid JSON; it may be cut short or damaged${detail}.`,
    );
  }
}

/** The last part of a `/`-separated path: a zip entry's or a manifest line's file name. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function depth(path: string): number {
  return path.split('/').length;
}
