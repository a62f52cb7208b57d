// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n';
import { fakeBridge as bridge, makeConversation, wait } from './testUtils';

vi.mock('../bridge/api', async () => (await import('./testUtils')).fakeBridgeModule());

const { Sidebar } = await import('./Sidebar');
const { resetLibraryForTests } = await import('../state/library');
const { getNavigation, openConversation } = await import('../state/navigation');

beforeAll(async () => {
  initI18n('en');
  // jsdom lays nothing out: give the list a viewport so the virtualizer renders rows.
  Object.defineProperty(HTMLElement.prototype, 'clientHeight', { configurable: true, get: () => 800 });
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 260 });
  await wait();
});

beforeEach(() => {
  resetLibraryForTests();
  openConversation(null);
  const now = Date.now();
  const b = bridge();
  b.calls.length = 0;
  b.lists.active = [
    makeConversation('a', new Date(now - 60_000).toISOString(), { title: 'Alpha' }),
    makeConversation('b', new Date(now - 3 * 86_400_000).toISOString(), { title: 'Beta', pinned: true }),
    makeConversation('c', new Date(now - 400 * 86_400_000).toISOString(), { title: 'Gamma' }),
  ];
});

afterEach(cleanup);

describe('Sidebar', () => {
  it('lists conversations in dated sections with Pinned first, and opens one on click', async () => {
    render(<Sidebar />);
    await wait();
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings.slice(0, 2)).toEqual(['Pinned', 'Today']);
    expect(headings).toHaveLength(3);
    fireEvent.click(screen.getByRole('button', { name: 'Alpha' }));
    expect(getNavigation().conversationId).toBe('a');
    expect(screen.getByRole('button', { name: 'Alpha' }).getAttribute('aria-current')).toBe('page');
  });

  it('offers every action as a named button, and renames inline', async () => {
    render(<Sidebar />);
    await wait();
    const row = screen.getByRole('button', { name: 'Alpha' }).parentElement as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'More' }));
    const menu = screen.getByRole('group', { name: 'More actions for “Alpha”' });
    for (const name of ['Rename', 'Pin', 'Archive', 'Export', 'Delete']) {
      expect(within(menu).getByRole('button', { name })).toBeTruthy();
    }
    fireEvent.click(within(menu).getByRole('button', { name: 'Rename' }));
    const input = screen.getByRole('textbox', { name: 'New title' });
    fireEvent.change(input, { target: { value: '  ' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(screen.getByRole('textbox', { name: 'New title' })).toBeTruthy(); // empty refused
    fireEvent.change(input, { target: { value: 'Renamed' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    await wait();
    expect(bridge().calls.find((c) => c.method === 'conversation.rename')?.input).toEqual({
      id: 'a',
      title: 'Renamed',
    });
    expect(screen.getByRole('button', { name: 'Renamed' })).toBeTruthy();
  });

  it('deletes to the Trash with an Undo toast', async () => {
    render(<Sidebar />);
    await wait();
    fireEvent.contextMenu(screen.getByRole('button', { name: 'Gamma' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await wait();
    expect(screen.queryByRole('button', { name: 'Gamma' })).toBeNull();
    expect(screen.getByText('Conversation moved to Trash')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    await wait();
    expect(bridge().calls.find((c) => c.method === 'conversation.restore')?.input).toEqual({ id: 'c' });
  });

  it('reuses an empty open conversation for New chat, else creates one', async () => {
    bridge().lists.active[0] = makeConversation('a', new Date().toISOString(), {
      title: 'Alpha',
      messageCount: 0,
    });
    render(<Sidebar />);
    await wait();
    openConversation('a');
    fireEvent.click(screen.getByRole('button', { name: 'New chat' }));
    await wait();
    expect(bridge().calls.some((c) => c.method === 'conversation.create')).toBe(false);
    openConversation('c');
    fireEvent.click(screen.getByRole('button', { name: 'New chat' }));
    await wait();
    expect(bridge().calls.some((c) => c.method === 'conversation.create')).toBe(true);
  });

  it('shows the Trash with Restore and an empty state', async () => {
    bridge().lists.trash = [
      makeConversation('t', new Date().toISOString(), {
        title: 'Trashed',
        deletedAt: new Date().toISOString(),
      }),
    ];
    render(<Sidebar />);
    await wait();
    fireEvent.click(screen.getByRole('button', { name: 'Trash' }));
    await wait();
    fireEvent.click(screen.getByRole('button', { name: 'Restore' }));
    await wait();
    expect(bridge().calls.find((c) => c.method === 'conversation.restore')?.input).toEqual({ id: 't' });
    expect(screen.getByText('The Trash is empty.')).toBeTruthy();
  });
});
