/**
 * Day One's plain-text export: each entry starts with a tab-indented `Date:` line
 * (`\tDate:\t15 January 2024` or `… at 08:00:00 GMT`), may have more `\tKey:\tvalue` lines
 * (`Tags`, `Location`, `Weather`), then the text; its first line is the title. Text before the
 * first `Date:` is not an entry.
 */
import { parseDate } from '../dates/index';
import type { FoundEntry, JournalFormat } from './format';

const DATE_LINE = /^\s*Date:\t+(.+?)\s*$/;
const META_LINE = /^\t(\w[\w ]*):\t*(.*)$/;

/** The registry entry for Day One's text export. */
export const dayOneTextFormat: JournalFormat = {
  name: 'dayOneText',
  detect: (file) => ['txt', ''].includes(file.extension) && /^\s*Date:\t/m.test(file.text().slice(0, 65536)),
  parse(file, context) {
    const entries: FoundEntry[] = [];
    let current: { date: string | null; time: string | null; tags: string[]; lines: string[] } | null = null;
    let before = 0;
    const flush = (): void => {
      if (!current) return;
      const lines = current.lines.join('\n').trim().split('\n');
      const [first, ...rest] = lines;
      const title = first && first.length <= 120 ? first.replace(/^#+\s*/, '').trim() : undefined;
      entries.push({
        date: current.date,
        time: current.time,
        title,
        text: (title ? rest : lines).join('\n').trim(),
        tags: current.tags,
      });
    };
    let inHeader = false;
    for (const line of file.text().replace(/\r\n?/g, '\n').split('\n')) {
      const dateLine = DATE_LINE.exec(line);
      if (dateLine) {
        flush();
        const when = dateLine[1] as string;
        const time = /\b(\d{1,2}):(\d{2})/.exec(when);
        current = {
          date: parseDate(when.replace(/\s+at\s+.*$/, ''), { dateOrder: context.options.dateOrder }),
          time: time ? `${(time[1] as string).padStart(2, '0')}:${time[2]}` : null,
          tags: [],
          lines: [],
        };
        inHeader = true;
        continue;
      }
      const meta = inHeader ? META_LINE.exec(line) : null;
      if (current && meta) {
        if (meta[1] === 'Tags')
          current.tags = (meta[2] as string)
            .split(',')
            .map((tag) => tag.trim())
            .filter(Boolean);
        continue;
      }
      inHeader = false;
      if (current) current.lines.push(line);
      else before += line.length;
    }
    flush();
    if (before > 0) {
      context.warn({
        code: 'front_matter_skipped',
        file: file.path,
        detail: `${before} characters before the first “Date:” line were left out.`,
        reason: 'before_date_line',
        count: before,
      });
    }
    return entries;
  },
};
