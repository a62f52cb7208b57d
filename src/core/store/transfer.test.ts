import { describe, expect, it } from 'vitest';
import { importedConversation, memoryStore } from './testing/fixtures';
import type { ImportedConversation } from './types';

/** A conversation whose second answer was regenerated: m1 has two children, m2 and m2b. */
function branched(key: string, currentLeafLocalId: string | null): ImportedConversation {
  const base = importedConversation(key, 3, (n) => `text ${n}`);
  base.messages.push({
    localId: 'm2b',
    parentLocalId: 'm0',
    role: 'assistant',
    content: 'regenerated',
    createdAt: '2023-01-01T00:00:09.000Z',
    model: 'gpt-x',
  });
  return { ...base, currentLeafLocalId };
}

describe('import and export', () => {
  it('imports conversations with their branches, mapping local ids and the current leaf', () => {
    const store = memoryStore();
    const progress: Array<[number, number]> = [];
    const result = store.importConversations(
      [branched('chatgpt:1', 'm2'), branched('chatgpt:2', null)],
      (done, total) => progress.push([done, total]),
    );
    expect(result).toEqual({
      conversationsAdded: 2,
      messagesAdded: 8,
      duplicatesSkipped: 0,
      addedTitles: ['Imported chatgpt:1', 'Imported chatgpt:2'],
    });
    expect(progress.at(-1)).toEqual([2, 2]);
    const [second, first] = store.listConversations('active');
    expect(first.updatedAt).toBe('2023-01-02T00:00:00.000Z');
    expect(first.messageCount).toBe(4);
    // currentLeafLocalId m2: the original branch.
    const view = store.getView(first.id);
    expect(view.messages.map((m) => m.content)).toEqual(['text 0', 'text 1', 'text 2']);
    expect(view.messages[1].siblingIds).toHaveLength(2);
    // No leaf given: the newest leaf (the regeneration) is shown.
    expect(store.getView(second.id).messages.map((m) => m.content)).toEqual(['text 0', 'regenerated']);
    expect(view.messages.every((m) => m.status === 'done')).toBe(true);
  });

  it('skips a source key already imported, including twice in one file', () => {
    const store = memoryStore();
    store.importConversations([importedConversation('chatgpt:a', 2)]);
    const again = store.importConversations([
      importedConversation('chatgpt:a', 2),
      importedConversation('chatgpt:b', 2),
      importedConversation('chatgpt:b', 2),
    ]);
    expect(again).toMatchObject({
      conversationsAdded: 1,
      messagesAdded: 2,
      duplicatesSkipped: 2,
      addedTitles: ['Imported chatgpt:b'],
    });
    expect(store.listConversations('active')).toHaveLength(2);
  });

  it('round-trips a backup: restoring into the same library adds nothing, into a new one adds everything', () => {
    const store = memoryStore();
    const own = store.createConversation({ title: 'own', systemPrompt: 'sys' });
    const u = store.addMessage({
      conversationId: own.id,
      parentId: null,
      role: 'user',
      content: 'q',
      status: 'done',
    });
    const a = store.addMessage({
      conversationId: own.id,
      parentId: u.id,
      role: 'assistant',
      content: 'a1',
      status: 'done',
      model: 'm',
    });
    store.addMessage({
      conversationId: own.id,
      parentId: u.id,
      role: 'assistant',
      content: 'a2',
      status: 'interrupted',
    });
    store.switchVersion(a.id);
    store.setPinned(own.id, true);
    store.importConversations([importedConversation('chatgpt:z', 2)]);
    const trashed = store.createConversation({ title: 'trashed' });
    store.trashConversation(trashed.id);

    const backup = store.exportAll();
    expect(backup).toMatchObject({ format: 'penpal-backup', version: 1 });
    expect(backup.conversations.map((c) => c.sourceKey).sort()).toEqual(['chatgpt:z', `penpal:${own.id}`]);
    expect(store.exportConversation(own.id).messages).toHaveLength(3);

    expect(store.importConversations(backup.conversations)).toMatchObject({
      conversationsAdded: 0,
      duplicatesSkipped: 2,
    });

    const fresh = memoryStore();
    expect(fresh.importConversations(backup.conversations)).toMatchObject({
      conversationsAdded: 2,
      messagesAdded: 5,
    });
    const restored = fresh.listConversations('active')[0];
    expect(restored).toMatchObject({ title: 'own', pinned: true, systemPrompt: 'sys', messageCount: 3 });
    const view = fresh.getView(restored.id);
    expect(view.messages.map((m) => [m.content, m.status, m.model])).toEqual([
      ['q', 'done', null],
      ['a1', 'done', 'm'],
    ]);
    expect(view.messages[1].siblingIds).toHaveLength(2);
    // The restored copy remembers where it came from: restoring the backup again adds nothing.
    expect(fresh.importConversations(backup.conversations).duplicatesSkipped).toBe(2);
    expect(fresh.importConversations(fresh.exportAll().conversations).duplicatesSkipped).toBe(2);
  });

  it('imports a message still marked streaming as interrupted, and an unknown parent as a root', () => {
    const store = memoryStore();
    const conversation = importedConversation('x:1', 2);
    conversation.messages[1] = { ...conversation.messages[1], status: 'streaming' };
    conversation.messages.push({
      localId: 'orphan',
      parentLocalId: 'missing',
      role: 'user',
      content: 'orphan',
      createdAt: '2022-01-01T00:00:00.000Z',
      model: null,
    });
    store.importConversations([conversation]);
    const [stored] = store.listConversations('active');
    const exported = store.exportConversation(stored.id);
    expect(exported.messages.find((m) => m.content === 'message number 1')?.status).toBe('interrupted');
    expect(exported.messages.find((m) => m.content === 'orphan')?.parentLocalId).toBeNull();
  });
});
