/**
 * Bytes to text without garbling: a byte-order mark first (UTF-8, UTF-16 LE/BE), then UTF-16
 * without one (every other byte zero), then strict UTF-8, and only then chardet's guess among the
 * legacy encodings of old Windows diaries (GB18030 ⊃ GBK ⊃ GB2312, Big5), decoded by iconv-lite.
 * A guess that still decodes to replacement characters is tried against the other Chinese
 * encoding, and the cleaner text wins.
 */
import { analyse } from 'chardet';
import iconv from 'iconv-lite';

/** Decoded text and the encoding it was read as. */
export interface DecodedText {
  text: string;
  /** `utf-8`, `utf-16le`, `utf-16be`, `gb18030`, `big5`, `windows-1252`, … */
  encoding: string;
  /** True when the encoding was guessed from the bytes (no BOM, not valid UTF-8). */
  guessed: boolean;
}

const SAMPLE = 64 * 1024;
const CHINESE = ['gb18030', 'big5'];

/** Whether the bytes look like a binary file (NUL bytes in text that is not UTF-16). */
export function looksBinary(bytes: Uint8Array): boolean {
  if (bomEncoding(bytes) || utf16WithoutBom(bytes)) return false;
  const end = Math.min(bytes.length, 8192);
  for (let index = 0; index < end; index++) if (bytes[index] === 0) return true;
  return false;
}

/** Decodes a text file's bytes (see the file comment). */
export function decodeText(bytes: Uint8Array): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom)
    return { text: iconv.decode(toBuffer(bytes), bom, { stripBOM: true }), encoding: bom, guessed: false };
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return { text: iconv.decode(toBuffer(bytes), utf16), encoding: utf16, guessed: true };
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true }).decode(bytes),
      encoding: 'utf-8',
      guessed: false,
    };
  } catch {
    // Not UTF-8: a legacy encoding.
  }
  const sample = bytes.subarray(0, SAMPLE);
  const guesses = analyse(sample)
    .map((match) => normalise(match.name))
    .filter((name) => iconv.encodingExists(name));
  const first = guesses[0] ?? 'gb18030';
  const candidates = CHINESE.includes(first) || hasHighBytePairs(sample) ? [first, ...CHINESE] : [first];
  let best: { text: string; encoding: string; bad: number } | null = null;
  for (const encoding of new Set(candidates)) {
    const text = iconv.decode(toBuffer(bytes), encoding);
    const bad = badCharacters(text);
    if (!best || bad < best.bad) best = { text, encoding, bad };
    if (bad === 0) break;
  }
  const chosen = best as { text: string; encoding: string };
  return { text: chosen.text, encoding: chosen.encoding, guessed: true };
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function bomEncoding(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

/** UTF-16 with no BOM: in text that is mostly ASCII, one byte of each pair is zero. */
function utf16WithoutBom(bytes: Uint8Array): string | null {
  const end = Math.min(bytes.length, 4096) & ~1;
  if (end < 8) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let index = 0; index < end; index += 2) {
    if (bytes[index] === 0) evenZeros++;
    if (bytes[index + 1] === 0) oddZeros++;
  }
  const pairs = end / 2;
  if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

function hasHighBytePairs(bytes: Uint8Array): boolean {
  let pairs = 0;
  for (let index = 0; index + 1 < bytes.length && pairs < 8; index++) {
    if (bytes[index]! >= 0x81 && bytes[index + 1]! >= 0x40) {
      pairs++;
      index++;
    }
  }
  return pairs >= 8;
}

function normalise(name: string): string {
  const lower = name.toLowerCase();
  if (lower === 'gb2312' || lower === 'gbk' || lower === 'gb18030') return 'gb18030';
  if (lower === 'big5' || lower === 'big5-hkscs') return 'big5';
  return lower;
}

/** Replacement characters and C1 controls: signs that the bytes were read as the wrong encoding. */
function badCharacters(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0xfffd || (code >= 0x80 && code < 0xa0) || (code >= 0xe000 && code < 0xf900)) count++;
  }
  return count;
}
