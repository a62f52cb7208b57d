/**
 * Every size limit Penpal puts on text and files from outside: imports, backups and streamed
 * answers. One module, so the contract, the importers, the store and the chat stream agree. It
 * lives in `shared` because the contract caps its inputs with the same numbers.
 */

/**
 * The longest message Penpal keeps, in UTF-16 code units (what `String.length` counts). Two
 * million characters is some 400 printed pages, far past any real diary entry or answer, and what
 * the renderer can still lay out without freezing; an imported message of 200 million characters
 * crashed it. Longer text is cut here and the message records how much was cut.
 */
export const MAX_MESSAGE_CHARS = 2_000_000;

/**
 * How much of a message a conversation page carries, in characters (SQLite `substr` counts code
 * points, so at most twice as many UTF-16 code units). Sending the whole of two 2,000,000-character
 * messages made opening their conversation one long task in the renderer (~4 MB of JSON to
 * receive and parse). The renderer shows ~40 KB at first and another ~40 KB per "Show more", so
 * 64 K covers the first screen and the first "Show more"; the rest is read with `message.text`.
 */
export const MESSAGE_HEAD_CHARS = 65_536;

/**
 * The most UTF-16 code units one `message.text` call returns (one more when the slice would end
 * inside a surrogate pair): a "Show more" needs ~40 KB, and Copy of 2,000,000 characters takes
 * eight calls of ~0.5 MB of JSON each, none a long task.
 */
export const MAX_MESSAGE_TEXT_CHARS = 262_144;

/**
 * The longest conversation title. A title is one line in the sidebar; 500 is what
 * `conversation.rename` and `conversation.create` accept, so an imported title is cut to the same.
 */
export const MAX_TITLE_CHARS = 500;

/**
 * The longest system prompt an imported conversation keeps (ChatGPT custom instructions). It is
 * sent with every turn, so it gets the message limit.
 */
export const MAX_SYSTEM_PROMPT_CHARS = MAX_MESSAGE_CHARS;

/**
 * The largest file `library.import` accepts, as base64 text (≈ 150 MB of bytes). A real ChatGPT
 * export of years of use zips to tens of megabytes; the whole import travels in one request, so
 * this also bounds what one request can make the main process hold.
 */
export const MAX_IMPORT_FILE_BASE64_CHARS = 200_000_000;

/** Limits on unpacking a zip: checked while inflating, so a zip bomb stops early. */
export interface ZipLimits {
  /** Largest uncompressed size of all the entries read from one zip, together. */
  maxTotalBytes: number;
  /** Largest uncompressed size of one entry. */
  maxEntryBytes: number;
  /** Largest ratio of uncompressed to compressed bytes, once past `ratioFloorBytes`. */
  maxRatio: number;
  /** Uncompressed bytes allowed whatever the ratio (small files of repeated text compress very well). */
  ratioFloorBytes: number;
}

const MiB = 1024 * 1024;

/**
 * The defaults. 1 GiB in all: more JSON than a worker can parse in the memory a desktop app
 * should use. 512 MiB per entry: V8 cannot hold a longer string, so a bigger JSON file could not
 * be read anyway. 100:1: JSON exports compress 5–20:1 (a chat of one repeated phrase perhaps 50:1),
 * while a zip bomb is ~1000:1; past 8 MiB a ratio over 100 can only be a bomb. With these, a
 * 1.5 MB zip can never inflate past 150 MB.
 */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 1024 * MiB,
  maxEntryBytes: 512 * MiB,
  maxRatio: 100,
  ratioFloorBytes: 8 * MiB,
};

/**
 * `text` cut to at most `max` UTF-16 code units, never between the two halves of a surrogate
 * pair, and how many code units were cut (0: unchanged).
 */
export function truncateText(text: string, max: number): { text: string; cut: number } {
  if (text.length <= max) return { text, cut: 0 };
  let end = Math.max(0, max);
  const last = text.charCodeAt(end - 1);
  // A high surrogate at the end would be half an emoji: leave it out with its partner.
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end--;
  return { text: text.slice(0, end), cut: text.length - end };
}
