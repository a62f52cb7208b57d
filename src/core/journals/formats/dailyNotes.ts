/**
 * A folder of daily notes named by date, as Obsidian and Logseq keep them (`2024-01-05.md`,
 * `2024_01_05.md`, `20240105.txt`, `2024年1月5日.md`, jrnl's `2024/01/05.txt`): one entry per
 * file, dated by its name. YAML front matter is read for `tags` and dropped from the text, and a
 * first heading that only repeats the date is dropped too.
 */
import { dateFromPath, parseDate } from '../dates/index';
import type { JournalFormat } from './format';

const NOTE_EXTENSIONS = new Set(['md', 'markdown', 'txt', 'text', 'org']);
const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n?/;

/** The registry entry for folders of daily notes. */
export const dailyNotesFormat: JournalFormat = {
  name: 'dailyNotes',
  detect: (file) => NOTE_EXTENSIONS.has(file.extension) && dateFromPath(file.path) !== null,
  parse(file) {
    let text = file
      .text()
      .replace(/^\uFEFF/, '')
      .replace(/\r\n?/g, '\n');
    let tags: string[] = [];
    const front = FRONT_MATTER.exec(text);
    if (front) {
      tags = frontMatterTags(front[1] as string);
      text = text.slice(front[0].length);
    }
    const date = dateFromPath(file.path);
    const heading = /^\s*#{1,6}\s+(.+?)\s*\n/.exec(text);
    let title: string | undefined;
    if (heading) {
      const words = heading[1] as string;
      if (date && parseDate(words, { year: Number(date.slice(0, 4)) }) === date)
        text = text.slice(heading[0].length);
      else title = words;
    }
    return [{ date, title, text: text.trim(), tags }];
  },
};

/** `tags: [a, b]` or a `tags:` list in YAML front matter (a small subset, enough for notes apps). */
function frontMatterTags(yaml: string): string[] {
  const inline = /^tags:\s*\[(.*)\]\s*$/m.exec(yaml);
  if (inline) return splitTags(inline[1] as string);
  const single = /^tags:\s*(\S.*)$/m.exec(yaml);
  if (single) return splitTags(single[1] as string);
  const list = /^tags:\s*\n((?:\s+-\s+.*\n?)+)/m.exec(yaml);
  if (list)
    return (list[1] as string)
      .split('\n')
      .map((line) => line.replace(/^\s*-\s*/, '').trim())
      .filter(Boolean);
  return [];
}

function splitTags(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((tag) => tag.replace(/^["'#]+|["']+$/g, '').trim())
    .filter(Boolean);
}
