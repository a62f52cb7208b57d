// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../shared/schemas';
import { initI18n } from '../i18n';
import { SEGMENT_CHARS } from './longText';
import { MessageItem } from './MessageItem';

const LIMIT = 2_000_000;
const handlers = { onStarted: vi.fn(), onReplace: vi.fn(), onFailure: vi.fn() };

function message(content: string, role: Message['role'], truncatedChars = 0): Message {
  return {
    id: `m-${role}`,
    conversationId: 'c',
    parentId: null,
    role,
    content,
    status: 'done',
    error: null,
    model: null,
    usage: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    truncatedChars,
    siblingIds: [`m-${role}`],
  };
}

function show(content: string, role: Message['role'] = 'user', truncatedChars = 0): HTMLElement {
  const { container } = render(
    <MessageItem
      message={message(content, role, truncatedChars)}
      live={false}
      busy={false}
      highlighted={false}
      context={{}}
      handlers={handlers}
    />,
  );
  return container;
}

/** One paragraph of 2,000,000 characters without a line break, words numbered to tell parts apart. */
const HUGE = (() => {
  const words: string[] = [];
  let length = 0;
  for (let index = 0; length < LIMIT; index++) {
    const word = `w${index} `;
    words.push(word);
    length += word.length;
  }
  return words.join('').slice(0, LIMIT);
})();

beforeAll(() => {
  initI18n('en');
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('a message of 2,000,000 characters', () => {
  it('renders only its first part, with "Show more" revealing the next part on each click', () => {
    const container = show(HUGE);
    const shown = (container.querySelector('.msg-bubble')?.textContent ?? '').length;
    // The first part, plus the button and the counter.
    expect(shown).toBeLessThan(SEGMENT_CHARS + 200);
    expect(shown).toBeGreaterThan(SEGMENT_CHARS / 2);
    expect(container.querySelectorAll('.plain-text')).toHaveLength(1);
    expect(screen.getByText(/characters shown/).textContent).toMatch(/ of 2,000,000 characters shown/);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    const parts = container.querySelectorAll('.plain-text');
    expect(parts).toHaveLength(2);
    const joined = [...parts].map((part) => part.textContent).join('');
    expect(HUGE.startsWith(joined)).toBe(true);
    expect(joined.length).toBeGreaterThan(SEGMENT_CHARS);
    expect(joined.length).toBeLessThan(2 * SEGMENT_CHARS + 1);
  });

  it('copies the whole text, not the part shown', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    show(HUGE, 'assistant');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    });
    expect(writeText).toHaveBeenCalledTimes(1);
    expect(writeText.mock.calls[0]).toEqual([HUGE]);
  });

  it('an answer of 50,000 short lines also shows one part and "Show more"', () => {
    const lines = Array.from({ length: 50_000 }, (_, index) => `Line ${index} of the answer.`).join('\n');
    const container = show(lines, 'assistant');
    expect((container.querySelector('.msg-body')?.textContent ?? '').length).toBeLessThan(
      SEGMENT_CHARS + 200,
    );
    expect(screen.getByRole('button', { name: 'Show more' })).toBeTruthy();
  });

  it('a short message has no "Show more"', () => {
    show('Hello there');
    expect(screen.queryByRole('button', { name: 'Show more' })).toBeNull();
  });

  it('shows in Chinese as 显示更多', async () => {
    await i18next.changeLanguage('zh-CN');
    show(HUGE);
    expect(screen.getByRole('button', { name: '显示更多' })).toBeTruthy();
    expect(screen.getByText(/已显示/).textContent).toMatch(/ \/ 2,000,000 个字符/);
  });
});

describe('a message cut to the size limit', () => {
  it('says how much was cut, in English and in Chinese', async () => {
    show('The part that was kept.', 'assistant', 1_234_567);
    expect(screen.getByRole('note').textContent).toBe(
      'Truncated: 1,234,567 characters were cut (Penpal keeps at most 2,000,000 per message)',
    );
    cleanup();
    await i18next.changeLanguage('zh-CN');
    show('保留下来的部分。', 'user', 1_234_567);
    expect(screen.getByRole('note').textContent).toBe(
      '已截断：删去了 1,234,567 个字符（Penpal 每条消息最多保留 2,000,000 个字符）',
    );
  });

  it('a complete message has no note', () => {
    show('All here.', 'assistant', 0);
    expect(screen.queryByRole('note')).toBeNull();
  });
});
