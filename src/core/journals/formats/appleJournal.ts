/**
 * Apple Journal (iOS Journal app) export pages, `Entries/*.html`: the day is the page header
 * ("Sunday, 17 December 2023"), the title and body are their own elements; the asset grid
 * (places, music, photos, state of mind) and the reflection prompt are not diary text. The HTML
 * is untrusted and only its text is kept (`./html.ts`).
 */
import { parseDate } from '../dates/index';
import { htmlToText, parseHtml } from './html';
import type { JournalFormat } from './format';

/** The registry entry for Apple Journal pages. */
export const appleJournalFormat: JournalFormat = {
  name: 'appleJournal',
  detect: (file) => ['html', 'htm'].includes(file.extension) && file.text().includes('pageHeader'),
  parse(file, context) {
    const root = parseHtml(file.text());
    const header = root.querySelector('.pageHeader')?.text.trim() ?? '';
    const title = root.querySelector('.title')?.text.trim() ?? '';
    const assets = root.querySelectorAll('.gridItem').length;
    for (const selector of ['.pageHeader', '.assetGrid', '.reflectionPrompt', '.title', 'head']) {
      for (const element of root.querySelectorAll(selector)) element.remove();
    }
    if (assets > 0) {
      context.warn({
        code: 'attachment_skipped',
        file: file.path,
        detail: `${assets} photos, places or other attachments were not imported (only text is).`,
        reason: 'media',
        count: assets,
      });
    }
    return [
      {
        date: header ? parseDate(header, { dateOrder: context.options.dateOrder }) : null,
        title: title || undefined,
        text: htmlToText(root),
      },
    ];
  },
};
