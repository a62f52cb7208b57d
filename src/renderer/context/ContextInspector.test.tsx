// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { makeConversation, wait } from '../library/testUtils';
import { makeMessage, makePreview, type Call } from './testPreview';

const calls: Call[] = [];
const answers: Record<string, unknown> = {};
vi.mock('../bridge/api', async () => (await import('./testPreview')).scriptedBridge(calls, answers));

const { ContextInspector } = await import('./ContextInspector');

const preview = makePreview({
  memory: { strategy: 'summarize', exchanges: 10 },
  parts: [
    { kind: 'system', role: 'system', content: 'You are kind.', tokens: 8, messageId: null },
    { kind: 'summary', role: 'system', content: 'Earlier: we met.', tokens: 9, messageId: null },
    { kind: 'history', role: 'user', content: 'Hello there', tokens: 6, messageId: 'm3' },
    { kind: 'history', role: 'assistant', content: 'Hi! <b>not html</b>', tokens: 11, messageId: 'm4' },
    { kind: 'draft', role: 'user', content: 'And now?', tokens: 7, messageId: null },
  ],
  leftOut: [
    { messageId: 'm1', reason: 'summarized', tokens: 40 },
    { messageId: 'm2', reason: 'summarized', tokens: 60 },
  ],
  summary: { id: 's1', text: 'Earlier: we met.', throughMessageId: 'm2', version: 2, edited: false },
});

beforeAll(() => {
  initI18n('en');
});
beforeEach(() => {
  calls.length = 0;
  for (const key of Object.keys(answers)) delete answers[key];
  answers['chat.previewContext'] = preview;
  answers['usage.conversation'] = { promptTokens: 3210, completionTokens: 456, cost: 0.5, answers: 3 };
  answers['conversation.setMemory'] = (input: Record<string, unknown>) =>
    makeConversation('c1', '2026-12-01T10:00:00.000Z', { memory: input.memory as never });
});
afterEach(cleanup);

function renderInspector(answerId: string | null = null, memory = preview.memory) {
  const onConversationChanged = vi.fn();
  render(
    <ContextInspector
      conversation={makeConversation('c1', '2026-12-01T10:00:00.000Z', { memory })}
      messages={[makeMessage('m4', 'assistant')]}
      answerId={answerId}
      refreshKey=""
      onConversationChanged={onConversationChanged}
      onContextChanged={() => undefined}
    />,
  );
  return { onConversationChanged };
}

describe('ContextInspector', () => {
  it('shows every part in order with role and tokens, the summary, what was left out, the total and cost', async () => {
    renderInspector();
    await wait();
    const panel = screen.getByRole('complementary', { name: 'Context inspector' });
    const parts = within(panel)
      .getAllByRole('listitem')
      .filter((li) => li.dataset.kind);
    expect(
      parts.map((li) => [li.dataset.role, li.querySelector('[data-part-content]')?.textContent]),
    ).toEqual(preview.parts.map((part) => [part.role, part.content]));
    // Model text is shown as text, never parsed as HTML.
    expect(panel.querySelector('b')).toBeNull();
    expect(within(parts[3]).getByText('11 tokens')).toBeTruthy();
    expect(within(parts[1]).getByText('Summary')).toBeTruthy();
    expect(within(panel).getByText('1,234 of 128,000 tokens')).toBeTruthy();
    expect(within(panel).getByText('$0.0123')).toBeTruthy();
    expect(within(panel).getByText('Folded into the summary')).toBeTruthy();
    expect(within(panel).getByText('2 messages · 100 tokens')).toBeTruthy();
    const summary = within(panel).getByRole('region', { name: 'Summary of older turns' });
    expect(within(summary).getByText('Earlier: we met.')).toBeTruthy();
    expect(within(summary).getByRole('button', { name: 'Stop summarizing' })).toBeTruthy();
    expect(within(panel).getByText('3 answers')).toBeTruthy();
    expect(calls.find((c) => c.method === 'chat.previewContext')?.input).toEqual({ conversationId: 'c1' });
  });

  it('shows the request behind a past answer', async () => {
    renderInspector('m4');
    await wait();
    expect(calls.find((c) => c.method === 'chat.previewContext')?.input).toEqual({
      conversationId: 'c1',
      answerId: 'm4',
    });
    expect(screen.getByText('The request behind this answer')).toBeTruthy();
    // A past request is shown, not edited: no Memory control.
    expect(screen.queryByRole('combobox', { name: 'Memory' })).toBeNull();
  });

  it('says so when the counts are estimates', async () => {
    answers['chat.previewContext'] = makePreview({
      counting: { encoding: 'estimate', estimated: true, perMessage: 4, perRequest: 3 },
      estimatedInputCost: null,
    });
    renderInspector(null, { strategy: 'fit_window', exchanges: 10 });
    await wait();
    expect(screen.getByText('Estimated (unknown tokenizer)')).toBeTruthy();
    expect(screen.getByText('estimate')).toBeTruthy();
    expect(screen.getByText('No price known for this model')).toBeTruthy();
  });

  it('the Memory control saves the strategy and the number of exchanges', async () => {
    const { onConversationChanged } = renderInspector(null, { strategy: 'fit_window', exchanges: 10 });
    await wait();
    fireEvent.change(screen.getByRole('combobox', { name: 'Memory' }), {
      target: { value: 'last_exchanges' },
    });
    await wait();
    const exchanges = screen.getByRole('spinbutton', { name: 'Exchanges' });
    fireEvent.change(exchanges, { target: { value: '1' } });
    await wait();
    fireEvent.change(exchanges, { target: { value: '-3' } });
    await wait();
    const saved = calls.filter((c) => c.method === 'conversation.setMemory').map((c) => c.input);
    expect(saved).toEqual([
      { id: 'c1', memory: { strategy: 'last_exchanges', exchanges: 10 } },
      { id: 'c1', memory: { strategy: 'last_exchanges', exchanges: 1 } },
    ]);
    expect(screen.getByText('Enter a whole number from 0 to 10,000.')).toBeTruthy();
    expect(onConversationChanged).toHaveBeenCalledTimes(2);
  });

  it('the draft typed in the composer is previewed once typing pauses', async () => {
    const { publishDraft } = await import('./draftStore');
    renderInspector(null, { strategy: 'fit_window', exchanges: 10 });
    await wait();
    publishDraft('  What next? ');
    await wait(50);
    expect(calls.filter((c) => c.method === 'chat.previewContext')).toHaveLength(1);
    await wait(320);
    expect(calls.filter((c) => c.method === 'chat.previewContext').at(-1)?.input).toEqual({
      conversationId: 'c1',
      draft: 'What next?',
    });
    publishDraft('');
  });
});
