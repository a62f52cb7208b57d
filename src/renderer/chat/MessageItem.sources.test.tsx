// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Message } from '../../shared/schemas';
import { initI18n } from '../i18n';
import { MessageItem } from './MessageItem';

// An answer lists its diary sources only in a younger self's conversation; an ordinary
// conversation's answers never ask core for them (one request per answer row, for nothing).

const calls: string[] = [];
vi.mock('../bridge/api', () => ({
  call: vi.fn(async (method: string) => {
    calls.push(method);
    if (method !== 'youngerSelf.sources') throw new Error(`unexpected ${method}`);
    return {
      sources: [{ entryId: '00000000-0000-4000-8000-000000000001', date: '1660-01-01', title: null }],
    };
  }),
  onEvent: () => () => {},
}));

const answer: Message = {
  id: 'm-answer',
  conversationId: 'c',
  parentId: null,
  role: 'assistant',
  content: 'I went to church.',
  status: 'done',
  error: null,
  model: null,
  usage: null,
  createdAt: '2025-01-01T00:00:00.000Z',
  truncatedChars: 0,
  contextBreak: false,
  contextRecorded: false,
  droppedToFit: 0,
  cost: null,
  contentLength: 17,
  siblingIds: ['m-answer'],
};

const show = (showSources: boolean) =>
  render(
    <MessageItem
      message={answer}
      live={false}
      busy={false}
      highlighted={false}
      notSent={null}
      context={{}}
      showSources={showSources}
      handlers={{ onStarted: vi.fn(), onReplace: vi.fn(), onFailure: vi.fn() }}
    />,
  );

beforeAll(() => {
  initI18n('en');
});
afterEach(() => {
  cleanup();
  calls.length = 0;
});

describe('an answer’s Sources', () => {
  it('are asked for and listed in a younger self’s conversation', async () => {
    show(true);
    const list = await screen.findByRole('list', { name: 'Sources' });
    expect(list.textContent).toContain('1660-01-01');
    expect(calls).toEqual(['youngerSelf.sources']);
  });

  it('are never asked for in an ordinary conversation', async () => {
    show(false);
    await screen.findByText('I went to church.');
    expect(calls).toEqual([]);
    expect(screen.queryByRole('list', { name: 'Sources' })).toBeNull();
  });
});
