import { describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { memoryStore } from './testing/fixtures';

describe('conversation library', () => {
  it('creates, reads, renames and counts messages', () => {
    const store = memoryStore();
    const created = store.createConversation({ title: 'First', systemPrompt: 'Be brief.' });
    expect(created).toMatchObject({
      title: 'First',
      systemPrompt: 'Be brief.',
      pinned: false,
      archived: false,
      deletedAt: null,
      messageCount: 0,
    });
    store.addMessage({
      conversationId: created.id,
      parentId: null,
      role: 'user',
      content: 'hi',
      status: 'done',
    });
    expect(store.getConversation(created.id).messageCount).toBe(1);
    const renamed = store.renameConversation(created.id, 'Renamed');
    expect(renamed.title).toBe('Renamed');
    expect(store.getConversation(created.id).title).toBe('Renamed');
  });

  it('orders the sidebar: pinned first, then most recent activity', () => {
    const store = memoryStore();
    const a = store.createConversation({ title: 'a' });
    const b = store.createConversation({ title: 'b' });
    const c = store.createConversation({ title: 'c' });
    expect(store.listConversations('active').map((x) => x.title)).toEqual(['c', 'b', 'a']);
    // A new message is activity: "a" moves to the top.
    store.addMessage({
      conversationId: a.id,
      parentId: null,
      role: 'user',
      content: 'hello',
      status: 'done',
    });
    expect(store.listConversations('active').map((x) => x.title)).toEqual(['a', 'c', 'b']);
    store.setPinned(b.id, true);
    expect(store.listConversations('active').map((x) => x.title)).toEqual(['b', 'a', 'c']);
    // Renaming is not activity.
    store.renameConversation(c.id, 'c2');
    expect(store.listConversations('active').map((x) => x.title)).toEqual(['b', 'a', 'c2']);
    store.setArchived(a.id, true);
    expect(store.listConversations('active').map((x) => x.title)).toEqual(['b', 'c2']);
    expect(store.listConversations('archived').map((x) => x.title)).toEqual(['a']);
    store.setArchived(a.id, false);
    expect(store.listConversations('archived')).toEqual([]);
  });

  it('trashes, restores and empties the Trash for good', () => {
    const store = memoryStore();
    const keep = store.createConversation({ title: 'keep' });
    const gone = store.createConversation({ title: 'gone' });
    const message = store.addMessage({
      conversationId: gone.id,
      parentId: null,
      role: 'user',
      content: 'bye',
      status: 'done',
    });
    store.trashConversation(keep.id);
    store.trashConversation(gone.id);
    expect(store.listConversations('active')).toEqual([]);
    expect(
      store
        .listConversations('trash')
        .map((x) => x.title)
        .sort(),
    ).toEqual(['gone', 'keep']);
    expect(store.getConversation(gone.id).deletedAt).not.toBeNull();
    expect(store.restoreConversation(keep.id).deletedAt).toBeNull();
    expect(store.listConversations('active').map((x) => x.title)).toEqual(['keep']);
    expect(store.emptyTrash()).toBe(1);
    expect(store.listConversations('trash')).toEqual([]);
    expect(() => store.getConversation(gone.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => store.getMessage(message.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(store.emptyTrash()).toBe(0);
  });

  it('throws not_found for unknown ids', () => {
    const store = memoryStore();
    for (const call of [
      () => store.getConversation('nope'),
      () => store.getView('nope'),
      () => store.renameConversation('nope', 'x'),
      () => store.trashConversation('nope'),
      () =>
        store.addMessage({
          conversationId: 'nope',
          parentId: null,
          role: 'user',
          content: '',
          status: 'done',
        }),
      () => store.updateContent('nope', 'x'),
    ]) {
      try {
        call();
        expect.unreachable();
      } catch (error) {
        expect(error).toBeInstanceOf(AppError);
        expect((error as AppError).code).toBe('not_found');
      }
    }
  });
});
