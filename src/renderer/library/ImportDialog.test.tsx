// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ImportReport } from '../../shared/schemas';

const fake = vi.hoisted(() => ({
  inputs: [] as unknown[],
  progress: new Set<(payload: unknown) => void>(),
  answer: null as ((input: unknown) => Promise<unknown>) | null,
}));
vi.mock('../bridge/api', () => ({
  BridgeError: Error,
  call: vi.fn(async (_method: string, input: unknown) => {
    fake.inputs.push(input);
    if (!fake.answer) throw new Error('no answer');
    return fake.answer(input);
  }),
  onEvent: (_name: string, listener: (payload: unknown) => void) => {
    fake.progress.add(listener);
    return () => fake.progress.delete(listener);
  },
}));

const { initI18n } = await import('../i18n');
const { ImportDialog } = await import('./ImportDialog');

const report: ImportReport = {
  source: 'chatgpt',
  conversationsAdded: 12,
  messagesAdded: 340,
  duplicatesSkipped: 3,
  skipped: [{ item: 'conversations.json › Voice chat', reason: 'No text messages' }],
  truncated: [],
  addedTitles: ['学校的回忆', 'Kyoto'],
};

const wait = (ms = 20): Promise<void> =>
  act(async () => {
    await new Promise((resolve) => setTimeout(resolve, ms));
  });

beforeAll(async () => {
  initI18n('en');
  await wait();
});
afterEach(cleanup);

function choose(files: File[]): void {
  const input = document.querySelector<HTMLInputElement>('input[type=file]');
  if (!input) throw new Error('no file input');
  fireEvent.change(input, { target: { files } });
}

describe('ImportDialog', () => {
  it('sends the files as base64, shows progress, then the full report', async () => {
    let finish: (value: ImportReport) => void = () => undefined;
    fake.answer = () => new Promise((resolve) => (finish = resolve));
    render(<ImportDialog onClose={() => undefined} />);
    expect(screen.getByRole('dialog', { name: 'Import conversations' })).toBeTruthy();
    choose([
      new File(['{"a":"猫"}'], 'conversations.json', { type: 'application/json' }),
      new File(['hello'], 'notes.txt', { type: 'text/plain' }),
    ]);
    await wait();
    expect(fake.inputs[0]).toEqual({
      files: [
        {
          name: 'conversations.json',
          base64: btoa(String.fromCharCode(...new TextEncoder().encode('{"a":"猫"}'))),
        },
      ],
    });
    act(() => fake.progress.forEach((listener) => listener({ phase: 'saving', done: 5, total: 10 })));
    const bar = screen.getByRole('progressbar');
    expect(bar.getAttribute('aria-valuenow')).toBe('80');
    expect(screen.getByText('5 of 10')).toBeTruthy();

    await act(async () => finish(report));
    expect(screen.getByText('Import finished')).toBeTruthy();
    expect(screen.getByText('340')).toBeTruthy();
    expect(screen.getByText('No text messages', { exact: false })).toBeTruthy();
    // The .txt file was refused before sending, and says why.
    expect(screen.getByText('Not a .zip or .json file', { exact: false })).toBeTruthy();
  });

  it('explains a failed import in plain words', async () => {
    fake.answer = () => Promise.reject(new Error('conversations.json is not valid JSON'));
    render(<ImportDialog onClose={() => undefined} />);
    choose([new File(['{'], 'conversations.json')]);
    await wait();
    expect(screen.getByRole('alert').textContent).toContain('The import failed. Nothing was changed.');
    expect(screen.getByRole('alert').textContent).toContain('conversations.json is not valid JSON');
  });
});
