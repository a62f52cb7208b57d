// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import i18next from 'i18next';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Input, Output } from '../../shared/contract';
import { MESSAGE_HEAD_CHARS } from '../../shared/limits';
import type { Message } from '../../shared/schemas';
import { initI18n } from '../i18n';
import { streams } from '../state/streamStore';
import { REVEAL_SEGMENTS, SEGMENT_CHARS } from './longText';
import { MessageItem } from './MessageItem';

const LIMIT = 2_000_000;
/** About how much one "Show more" (and the first view) reveals. */
const REVEAL = REVEAL_SEGMENTS * SEGMENT_CHARS;
/** `message.text` requests, answered from HUGE as core would (core's own slicing is tested there). */
const textCalls: Input<'message.text'>[] = [];
vi.mock('../bridge/api', () => ({
  call: vi.fn(async (method: string, input: Input<'message.text'>): Promise<Output<'message.text'>> => {
    if (method !== 'message.text') throw new Error(`unexpected ${method}`);
    textCalls.push(input);
    return { text: HUGE.slice(input.start, input.start + input.length), contentLength: HUGE.length };
  }),
  onEvent: () => () => {},
}));
const handlers = { onStarted: vi.fn(), onReplace: vi.fn(), onFailure: vi.fn() };

function message(
  content: string,
  role: Message['role'],
  truncatedChars = 0,
  contentLength = content.length,
): Message {
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
    contextBreak: false,
    contextRecorded: false,
    droppedToFit: 0,
    cost: null,
    contentLength,
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
      notSent={null}
      context={{}}
      showSources={false}
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
beforeEach(() => {
  textCalls.length = 0;
});
afterEach(async () => {
  cleanup();
  await i18next.changeLanguage('en');
});

describe('a message of 2,000,000 characters', () => {
  it('renders only its first part, a piece per frame, and "Show more" reveals the next part', async () => {
    const container = show(HUGE);
    const bubble = (): string => container.querySelector('.msg-bubble .plain-text')?.textContent ?? '';
    // The first paint holds one piece; the next ones follow frame by frame up to the first part.
    expect(bubble().length).toBeLessThanOrEqual(SEGMENT_CHARS);
    expect(bubble().length).toBeGreaterThan(SEGMENT_CHARS / 2);
    await waitFor(() => expect(bubble().length).toBeGreaterThan(REVEAL - SEGMENT_CHARS));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bubble().length).toBeLessThanOrEqual(REVEAL);
    expect(HUGE.startsWith(bubble())).toBe(true);
    expect(screen.getByText(/characters shown/).textContent).toMatch(/ of 2,000,000 characters shown/);

    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(() => expect(bubble().length).toBeGreaterThan(2 * REVEAL - SEGMENT_CHARS));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(bubble().length).toBeLessThanOrEqual(2 * REVEAL);
    expect(HUGE.startsWith(bubble())).toBe(true);
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

// Frames are slow on a loaded machine: give each step time.
const LOADED = { timeout: 10_000 };

describe('a message of which the page carried only the head', () => {
  const head = (): string => HUGE.slice(0, MESSAGE_HEAD_CHARS);
  const showHead = (role: Message['role'] = 'user'): HTMLElement => {
    const { container } = render(
      <MessageItem
        message={message(head(), role, 0, HUGE.length)}
        live={false}
        busy={false}
        highlighted={false}
        notSent={null}
        context={{}}
        showSources={false}
        handlers={handlers}
      />,
    );
    return container;
  };

  it('counts the whole length, and "Show more" past the head reads the next piece and shows it', async () => {
    const container = showHead();
    const bubble = (): string => container.querySelector('.msg-bubble .plain-text')?.textContent ?? '';
    expect(screen.getByText(/characters shown/).textContent).toMatch(/ of 2,000,000 characters shown/);
    await waitFor(() => expect(bubble().length).toBeGreaterThan(REVEAL - SEGMENT_CHARS), LOADED);
    // "Show more" within the 64 K head reads nothing; the first one that reaches past it reads one piece.
    let reveals = 1;
    while (reveals * REVEAL <= MESSAGE_HEAD_CHARS) {
      expect(textCalls).toEqual([]);
      fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
      reveals++;
      await waitFor(
        () =>
          expect(bubble().length).toBeGreaterThan(
            Math.min(reveals * REVEAL, MESSAGE_HEAD_CHARS) - SEGMENT_CHARS,
          ),
        LOADED,
      );
    }
    expect(textCalls).toEqual([{ id: 'm-user', start: MESSAGE_HEAD_CHARS, length: MESSAGE_HEAD_CHARS }]);
    // The next one is within what was read: no request, and text from past the head shows.
    expect((reveals + 1) * REVEAL).toBeLessThanOrEqual(2 * MESSAGE_HEAD_CHARS);
    fireEvent.click(screen.getByRole('button', { name: 'Show more' }));
    await waitFor(
      () => expect(bubble().length).toBeGreaterThan((reveals + 1) * REVEAL - SEGMENT_CHARS),
      LOADED,
    );
    expect(bubble().length).toBeGreaterThan(MESSAGE_HEAD_CHARS);
    expect(HUGE.startsWith(bubble())).toBe(true);
    expect(textCalls).toHaveLength(1);
  });

  it('Copy reads the rest and copies all 2,000,000 characters', async () => {
    const writeText = vi.fn(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    showHead('assistant');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Copy' }));
    });
    await waitFor(() => expect(writeText).toHaveBeenCalledTimes(1), LOADED);
    expect(writeText.mock.calls[0]).toEqual([HUGE]);
    expect((writeText.mock.calls[0] as unknown as string[])[0]).toHaveLength(2_000_000);
    expect(textCalls[0].start).toBe(MESSAGE_HEAD_CHARS);
  });

  it('Edit opens the editor with the whole text', async () => {
    showHead('user');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Edit' }));
    });
    const editor = await screen.findByRole('textbox', {}, LOADED);
    expect((editor as HTMLTextAreaElement).value).toBe(HUGE);
  });
});

describe('an answer streaming past the part shown', () => {
  it('keeps the part shown and counts what arrived', async () => {
    const answer = { ...message('', 'assistant'), id: 'm-live', status: 'streaming' as const };
    const { container } = render(
      <MessageItem
        message={answer}
        live
        busy
        highlighted={false}
        notSent={null}
        context={{}}
        showSources={false}
        handlers={handlers}
      />,
    );
    const body = (): string => container.querySelector('.msg-body')?.textContent ?? '';
    const paragraph = 'A sentence of the answer that goes on. '.repeat(10) + '\n\n';
    let sent = 0;
    for (let delta = 0; sent < 3 * REVEAL; delta++) {
      act(() => {
        streams.append('m-live', paragraph);
        streams.flush();
      });
      sent += paragraph.length;
      // Let the segments render, a frame each, now and then.
      if (delta % 40 === 0) await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
    }
    await act(() => new Promise((resolve) => setTimeout(resolve, 200)));
    const shownWhileStreaming = body();
    expect(shownWhileStreaming.length).toBeLessThan(REVEAL + 200);
    expect(screen.getByText(/characters shown/).textContent).toContain(
      `of ${new Intl.NumberFormat('en').format(sent)} characters shown`,
    );
    act(() => {
      streams.append('m-live', paragraph);
      streams.flush();
    });
    expect(screen.getByText(/characters shown/).textContent).toContain(
      `of ${new Intl.NumberFormat('en').format(sent + paragraph.length)} characters shown`,
    );
    act(() => streams.forget('m-live'));
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
