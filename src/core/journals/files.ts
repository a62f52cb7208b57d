/**
 * The dropped files as formats see them: zips unpacked (through `./zip.ts`), hidden files and
 * media set aside, each file's text decoded once and only when a format asks for it.
 */
import { AppError } from '../../shared/errors';
import { decodeText, looksBinary } from './encoding';
import type { LoadedFile } from './formats/format';
import type { JournalSourceFile, JournalWarning } from './types';
import { isZip, unzipCapped, type ZipLimits } from './zip';

/** Default largest single file: far above any real diary, low enough to refuse a disk image. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

const MEDIA = new Set([
  'jpg',
  'jpeg',
  'png',
  'gif',
  'heic',
  'heif',
  'webp',
  'bmp',
  'tif',
  'tiff',
  'mp4',
  'mov',
  'm4a',
  'mp3',
  'wav',
  'caf',
  'aac',
  'pdfattachment',
]);
// Zip-like files that are documents, not archives to unpack.
const DOCUMENT_ZIPS = new Set(['docx', 'odt', 'pages', 'epub']);

/**
 * Refuses a file over the size limit. Call it with the size from the file system *before* reading
 * the file (the main process does); `loadFiles` checks the bytes again in case it was not.
 */
export function checkFileSize(path: string, size: number, maxBytes = DEFAULT_MAX_FILE_BYTES): void {
  if (size > maxBytes) {
    const megabytes = (value: number): string => `${Math.round(value / 1024 / 1024)} MB`;
    throw new AppError(
      'import_failed',
      `“${path}” is ${megabytes(size)}, over the ${megabytes(maxBytes)} limit for one journal file; nothing was imported.`,
    );
  }
}

/** The extension of a path, lower case, without the dot. */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** Unpacks and filters the dropped files. Media and hidden files are counted in `warnings`. */
export function loadFiles(
  sources: JournalSourceFile[],
  maxBytes: number,
  zipLimits: ZipLimits,
  warnings: JournalWarning[],
): LoadedFile[] {
  const loaded: LoadedFile[] = [];
  let media = 0;
  for (const dropped of sources) {
    checkFileSize(dropped.path, dropped.bytes.length, maxBytes);
    // A folder dropped on Windows may arrive with `\` separators; dates in folder names need `/`.
    const source = { path: dropped.path.replace(/\\/g, '/'), bytes: dropped.bytes };
    if (isHidden(source.path)) continue;
    const extension = extensionOf(source.path);
    if (isZip(source.bytes) && !DOCUMENT_ZIPS.has(extension)) {
      const inner = unzipCapped(
        source.bytes,
        source.path,
        (path) => !isHidden(path) && !MEDIA.has(extensionOf(path)),
        zipLimits,
      );
      for (const entry of inner)
        loaded.push(
          loadedFile(`${source.path} › ${entry.path}`, entry.bytes, extensionOf(entry.path), warnings),
        );
      continue;
    }
    if (MEDIA.has(extension)) {
      media++;
      continue;
    }
    loaded.push(loadedFile(source.path, source.bytes, extension, warnings));
  }
  if (media > 0) {
    warnings.push({
      code: 'attachment_skipped',
      file: sources.length === 1 ? (sources[0] as JournalSourceFile).path : '',
      detail: `${media} photos or other media files were not imported (only text is).`,
      reason: 'media',
      count: media,
    });
  }
  return loaded.sort((a, b) => a.path.localeCompare(b.path, 'en', { numeric: true }));
}

/** `.obsidian/…`, `.DS_Store`, `__MACOSX/…`, `._name` forks, `Thumbs.db`. */
function isHidden(path: string): boolean {
  return path
    .split(/[/\\]| › /)
    .some(
      (part) => part.startsWith('.') || part === '__MACOSX' || part === 'Thumbs.db' || part === 'desktop.ini',
    );
}

function loadedFile(
  path: string,
  bytes: Uint8Array,
  extension: string,
  warnings: JournalWarning[],
): LoadedFile {
  let text: string | undefined;
  let json: { value: unknown } | undefined;
  const file: LoadedFile = {
    path,
    extension,
    bytes,
    text() {
      if (text === undefined) {
        if (looksBinary(bytes)) {
          throw new AppError(
            'import_failed',
            `“${path}” is not a text file or a journal export Penpal can read.`,
          );
        }
        const decoded = decodeText(bytes);
        text = decoded.text;
        if (decoded.guessed && !decoded.encoding.startsWith('utf-16')) {
          warnings.push({
            code: 'encoding_guessed',
            file: path,
            detail: `The file is not UTF-8; it was read as ${decoded.encoding.toUpperCase()}.`,
            reason: 'encoding',
            value: decoded.encoding.toUpperCase(),
          });
        }
      }
      return text;
    },
    json() {
      if (json === undefined) {
        json = { value: undefined };
        if (extension === 'json') {
          try {
            json.value = JSON.parse(file.text()) as unknown;
          } catch {
            // Not JSON after all: no JSON format will claim it.
          }
        }
      }
      return json.value;
    },
  };
  return file;
}
