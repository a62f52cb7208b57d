// @vitest-environment jsdom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport } from '../../shared/schemas';
import { initI18n } from '../i18n';
import { ImportReportView } from './ImportReportView';

const report: ImportReport = {
  source: 'penpal-backup',
  conversationsAdded: 2,
  messagesAdded: 10,
  duplicatesSkipped: 0,
  skipped: [],
  truncated: [
    { item: '"A long letter"', messages: 1, chars: 1_000_000, systemPrompt: false },
    { item: '"Instructions"', messages: 2, chars: 500, systemPrompt: true },
  ],
  addedTitles: ['A long letter', 'Instructions'],
};

afterEach(cleanup);

describe('ImportReportView', () => {
  it('says how many messages were truncated and how much was cut, in English and Chinese', async () => {
    const i18n = initI18n('en');
    const english = render(<ImportReportView report={report} />);
    const text = english.container.textContent ?? '';
    expect(text).toContain('3 messages truncated (1,000,500 characters cut).');
    expect(text).toContain('"A long letter" — 1 message truncated (1,000,000 characters cut)');
    expect(text).toContain(
      '"Instructions" — 2 messages truncated (500 characters cut); system prompt shortened',
    );
    english.unmount();

    await act(async () => {
      await i18n.changeLanguage('zh-CN');
    });
    const chinese = render(<ImportReportView report={report} />);
    expect(chinese.container.textContent).toContain('3 条消息被截断（删去 1,000,500 个字符）。');
    expect(chinese.container.textContent).toContain('系统提示词已截短');
  });

  it('shows no truncation section when nothing was cut', () => {
    initI18n('en');
    const view = render(<ImportReportView report={{ ...report, truncated: [] }} />);
    expect(view.container.textContent).not.toContain('truncated');
  });
});
