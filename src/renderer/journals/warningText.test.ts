import { describe, expect, it } from 'vitest';
import { initI18n } from '../i18n';
import { warningText } from './warningText';

// The preview's import notes, read in both languages from the reason core gives (the English
// `detail` below is core's own wording, see src/core/journals/formats/textEntries.ts).
const front = {
  code: 'front_matter_skipped',
  file: 'pg3331.txt',
  detail: '31,203 characters before the first dated entry (title, preface, licence) were left out.',
  reason: 'front_matter' as const,
  count: 31_203,
};

describe('import warnings in the interface language', () => {
  it('reads a front matter note in Chinese from its code, and in English as core wrote it', async () => {
    const i18n = initI18n('zh-CN');
    expect(warningText(i18n.t, 'zh-CN', front)).toBe(
      '第一篇有日期的日记之前的 31,203 个字符（书名、序言、许可）未导入。',
    );
    await i18n.changeLanguage('en');
    expect(warningText(i18n.t, 'en', front)).toBe(front.detail);
  });

  it('names the reason a file was skipped, and keeps an unknown warning in its own words', () => {
    const i18n = initI18n('zh-CN');
    const skipped = {
      code: 'file_skipped',
      file: 'notes/todo.md',
      detail: 'It is not named by date like the other notes in the folder, so it was not imported.',
      reason: 'not_named_by_date' as const,
    };
    expect(warningText(i18n.t, 'zh-CN', skipped)).toBe('已跳过：它不像文件夹里的其他笔记那样以日期命名。');
    expect(warningText(i18n.t, 'zh-CN', { code: 'x', file: '', detail: 'As written.' })).toBe('As written.');
  });
});
