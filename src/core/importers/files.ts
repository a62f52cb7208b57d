import { unzipSync, type UnzipFileInfo } from 'fflate';
import { AppError } from '../../shared/errors';
import type { ImportFile } from './types';

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

/** Reads every chosen file as JSON, unpacking zips. Throws `import_failed` with the file's name. */
export function readDocuments(files: ImportFile[]): JsonDocument[] {
  const documents: JsonDocument[] = [];
  for (const file of files) {
    if (isZip(file.bytes)) {
      for (const entry of unzipExport(file)) documents.push(parseJson(entry, `${file.name} › ${entry.name}`));
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

function unzipExport(file: ImportFile): ImportFile[] {
  let fileCount = 0;
  const wanted = (info: UnzipFileInfo): boolean => {
    if (info.name.endsWith('/')) return false;
    fileCount++;
    const base = baseName(info.name);
    // macOS adds "__MACOSX/._name" resource forks that are not JSON.
    if (info.name.startsWith('__MACOSX/') || base.startsWith('._')) return false;
    return CONVERSATION_FILE.test(base) || base === MANIFEST_FILE;
  };
  let entries = unzip(file, wanted);
  if (fileCount === 0) throw new AppError('import_failed', `"${file.name}" is an empty zip file.`);
  const conversationFiles = Object.keys(entries).filter((name) => CONVERSATION_FILE.test(baseName(name)));
  if (conversationFiles.length === 0) {
    // A zipped Penpal backup has no conversations.json; look at its other JSON files.
    entries = unzip(
      file,
      (info) => info.name.toLowerCase().endsWith('.json') && !baseName(info.name).startsWith('._'),
    );
    const names = Object.keys(entries);
    if (names.length === 0) {
      throw new AppError(
        'import_failed',
        `"${file.name}" holds no conversations.json. Is it a ChatGPT data export?`,
      );
    }
    return names.map((name) => ({ name, bytes: entries[name] as Uint8Array }));
  }
  // An export keeps its conversations in one folder; other folders (e.g. "sites/") have their own manifests.
  const shallowest = conversationFiles.reduce((best, name) => (depth(name) < depth(best) ? name : best));
  const folder = shallowest.slice(0, shallowest.length - baseName(shallowest).length);
  return Object.keys(entries)
    .filter((name) => name.slice(0, name.length - baseName(name).length) === folder)
    .map((name) => ({ name, bytes: entries[name] as Uint8Array }));
}

function unzip(file: ImportFile, filter: (info: UnzipFileInfo) => boolean): Record<string, Uint8Array> {
  try {
    return unzipSync(file.bytes, { filter });
  } catch (error) {
    const detail = error instanceof Error ? ` (${error.message})` : '';
    throw new AppError(
      'import_failed',
      `"${file.name}" could not be read as a zip file; it may be damaged or incomplete${detail}.`,
    );
  }
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
