// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SearchHit } from '../../shared/schemas';
import { initI18n } from '../i18n';
import { fakeBridge, wait } from './testUtils';

vi.mock('../bridge/api', async () => (await import('./testUtils')).fakeBridgeModule());

const { SearchPalette } = await import('./SearchPalette');
const { getNavigation } = await import('../state/navigation');
const { closeSearchPalette } = await import('./paletteStore');

const hit = (conversationId: string, title: string, text: string, word: string): SearchHit => ({
  conversationId,
  messageId: `${conversationId}-m1`,
  title,
  createdAt: '2026-10-01T10:00:00Z',
  snippet: [
    { text, match: false },
    { text: word, match: true },
  ],
});

beforeAll(async () => {
  initI18n('en');
  await new Promise((resolve) => setTimeout(resolve, 10));
});

afterEach(() => {
  act(() => closeSearchPalette());
  cleanup();
});

describe('SearchPalette', () => {
  it('opens with Ctrl+K, shows marked results as you type, and opens the chosen one', async () => {
    const bridge = fakeBridge();
    bridge.search = ({ query }) =>
      query === '学校' ? [hit('c1', 'School days', '我们去', '学校'), hit('c2', 'Second', 'a ', '学校')] : [];
    render(<SearchPalette />);
    expect(screen.queryByRole('searchbox')).toBeNull();
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: 'Search' });
    expect(document.activeElement).toBe(box);

    fireEvent.change(box, { target: { value: '学校' } });
    await wait(120);
    const options = within(screen.getByRole('listbox')).getAllByRole('option');
    expect(options).toHaveLength(2);
    expect(options[0]?.querySelector('mark')?.textContent).toBe('学校');
    expect(options[0]?.textContent).toContain('School days');

    fireEvent.keyDown(box, { key: 'ArrowDown' });
    expect(options[1]?.getAttribute('aria-selected')).toBe('true');
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(getNavigation()).toEqual({ conversationId: 'c2', focusMessageId: 'c2-m1' });
    expect(screen.queryByRole('searchbox')).toBeNull();
  });

  it('debounces typing and never lets a stale answer replace a newer one', async () => {
    const bridge = fakeBridge();
    bridge.calls.length = 0;
    bridge.search = ({ query }) =>
      query === 'ca'
        ? new Promise((resolve) => setTimeout(() => resolve([hit('old', 'Stale', '', 'ca')]), 200))
        : [hit('new', 'Fresh', '', query)];
    render(<SearchPalette />);
    fireEvent.keyDown(window, { key: 'K', metaKey: true });
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'c' } });
    fireEvent.change(box, { target: { value: 'ca' } });
    await wait(80); // 'ca' goes out (slow)
    fireEvent.change(box, { target: { value: 'cat' } });
    await wait(300); // 'cat' answers first, then the stale 'ca'
    const queries = bridge.calls.filter((c) => c.method === 'search.query').map((c) => c.input.query);
    expect(queries).toEqual(['ca', 'cat']);
    expect(
      within(screen.getByRole('listbox'))
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([expect.stringContaining('Fresh')]);
  });

  it('says so when nothing matches, and Escape closes', async () => {
    const bridge = fakeBridge();
    bridge.search = () => [];
    render(<SearchPalette />);
    fireEvent.keyDown(window, { key: 'k', ctrlKey: true });
    const box = screen.getByRole('searchbox', { name: 'Search' });
    fireEvent.change(box, { target: { value: 'zebra' } });
    await wait(120);
    expect(screen.getByText('No results for “zebra”.')).toBeTruthy();
    fireEvent.keyDown(box, { key: 'Escape' });
    expect(screen.queryByRole('searchbox')).toBeNull();
  });
});
