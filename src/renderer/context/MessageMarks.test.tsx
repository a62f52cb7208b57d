// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConversationPage } from '../../shared/schemas';
import { initI18n } from '../i18n';
import { wait } from '../library/testUtils';
import { makeMessage, makePreview, type Call } from './testPreview';

const calls: Call[] = [];
const page = { marker: 'page' } as unknown as ConversationPage;
vi.mock('../bridge/api', async () =>
  (await import('./testPreview')).scriptedBridge(calls, { 'message.setContextBreak': page }),
);

const { MessageActions } = await import('../chat/MessageActions');
const { ContextDivider } = await import('./MessageMarks');
const { notSentMarks } = await import('./notSent');
const { useContextVersion } = await import('./inspectorStore');

beforeAll(() => {
  initI18n('en');
});
beforeEach(() => {
  calls.length = 0;
});
afterEach(cleanup);

function Version(): string {
  return String(useContextVersion());
}

describe('Clear context here', () => {
  it('the message action puts a divider after the message and shows the page returned', async () => {
    const handlers = { onStarted: vi.fn(), onReplace: vi.fn(), onFailure: vi.fn() };
    const { container } = render(
      <>
        <MessageActions
          message={makeMessage('m2', 'assistant')}
          wholeText={async () => 'hi'}
          busy={false}
          handlers={handlers}
          onEdit={() => undefined}
        />
        <output>
          <Version />
        </output>
      </>,
    );
    const before = container.querySelector('output')?.textContent;
    fireEvent.click(screen.getByRole('button', { name: 'Clear context here' }));
    await wait();
    expect(calls).toEqual([{ method: 'message.setContextBreak', input: { messageId: 'm2', enabled: true } }]);
    expect(handlers.onReplace).toHaveBeenCalledWith(page);
    // Previews are told to fetch the next request again.
    expect(container.querySelector('output')?.textContent).not.toBe(before);
  });

  it('a message that already has a divider offers no second one; the divider removes itself', async () => {
    const onReplace = vi.fn();
    render(
      <>
        <MessageActions
          message={makeMessage('m2', 'user', { contextBreak: true })}
          wholeText={async () => 'hi'}
          busy={false}
          handlers={{ onStarted: vi.fn(), onReplace, onFailure: vi.fn() }}
          onEdit={() => undefined}
        />
        <ContextDivider messageId="m2" onReplace={onReplace} onFailure={vi.fn()} />
      </>,
    );
    expect(screen.queryByRole('button', { name: 'Clear context here' })).toBeNull();
    expect(screen.getByRole('separator', { name: /Context cleared/ })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Remove divider' }));
    await wait();
    expect(calls).toEqual([
      { method: 'message.setContextBreak', input: { messageId: 'm2', enabled: false } },
    ]);
    expect(onReplace).toHaveBeenCalledWith(page);
  });

  it('"Show context" opens the inspector on that answer', async () => {
    const { useInspectorTarget } = await import('./inspectorStore');
    function Target(): string {
      return JSON.stringify(useInspectorTarget());
    }
    render(
      <>
        <MessageActions
          message={makeMessage('a7', 'assistant')}
          wholeText={async () => 'hi'}
          busy={false}
          handlers={{ onStarted: vi.fn(), onReplace: vi.fn(), onFailure: vi.fn() }}
          onEdit={() => undefined}
        />
        <output>
          <Target />
        </output>
      </>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Show context' }));
    expect(JSON.parse(screen.getByRole('status').textContent ?? '')).toEqual({ open: true, answerId: 'a7' });
  });
});

describe('an answer’s usage and notes', () => {
  it('shows the tokens and cost of an answer in its actions', async () => {
    render(
      <MessageActions
        message={makeMessage('a1', 'assistant', {
          usage: { promptTokens: 1234, completionTokens: 56, totalTokens: 1290 },
          cost: 0.0123,
        })}
        wholeText={async () => 'hi'}
        busy={false}
        handlers={{ onStarted: vi.fn(), onReplace: vi.fn(), onFailure: vi.fn() }}
        onEdit={() => undefined}
      />,
    );
    expect(screen.getByText('1,234 in · 56 out · $0.0123')).toBeTruthy();
  });

  it('says how many earlier messages were dropped to fit', async () => {
    const { DroppedToFitNote } = await import('./MessageMarks');
    render(<DroppedToFitNote count={2} />);
    expect(screen.getByText('2 earlier messages were left out to fit')).toBeTruthy();
  });
});

describe('notSentMarks', () => {
  const messages = ['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((id, i) =>
    makeMessage(id, i % 2 ? 'assistant' : 'user'),
  );

  it('marks the messages left out, with their reason, and every one older than the oldest sent', () => {
    const marks = notSentMarks(
      makePreview({
        parts: [{ kind: 'history', role: 'user', content: '', tokens: 1, messageId: 'm5' }],
        leftOut: [{ messageId: 'm4', reason: 'older_than_exchanges', tokens: 3 }],
      }),
    );
    const first = marks.firstSentIndex(messages);
    expect(messages.map((m, i) => marks.reasonOf(m.id, i < first))).toEqual([
      'older',
      'older',
      'older',
      'older_than_exchanges',
      null,
      null,
    ]);
  });

  it('marks everything up to a divider, and nothing newer than the preview knew of', () => {
    const withBreak = messages.map((m) => (m.id === 'm4' ? { ...m, contextBreak: true } : m));
    const marks = notSentMarks(makePreview());
    const first = marks.firstSentIndex(withBreak);
    expect(withBreak.map((m, i) => marks.reasonOf(m.id, i < first) !== null)).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
    expect(notSentMarks(makePreview()).firstSentIndex(messages)).toBe(-1);
  });
});
