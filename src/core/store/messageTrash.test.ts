import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from './database';
import { openConversationStore } from './index';
import { MIGRATIONS } from './migrations';
import { chat, contents, memoryStore, steppingClock, tempLibrary } from './testing/fixtures';
import type { ConversationStore } from './types';

/** `chat`, plus an edited second question with its answer. */
function tree(store: ConversationStore) {
  const base = chat(store);
  const u2b = base.add(base.a1.id, 'user', 'question edited zebra');
  const a2b = base.add(u2b.id, 'assistant', 'answer edited zebra');
  return { ...base, u2b, a2b };
}

const notFound = expect.objectContaining({ code: 'not_found' });

describe('undoable message delete', () => {
  it('hides the subtree everywhere, then restores it with the branch that was shown', () => {
    const store = memoryStore();
    const { conversation, u2, u2b, a2b } = tree(store);
    expect(store.getConversation(conversation.id).messageCount).toBe(6);

    const deleted = store.deleteMessage(u2b.id);
    expect(deleted.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question two',
      'answer two',
    ]);
    expect(deleted.messages[2].siblingIds).toEqual([u2.id]);
    expect(deleted.conversation.messageCount).toBe(4);
    expect(() => store.getMessage(a2b.id)).toThrow(notFound);
    expect(() => store.getPath(a2b.id)).toThrow(notFound);
    expect(store.search('zebra', { titlesOnly: false, limit: 10 })).toEqual([]);
    expect(JSON.stringify(store.exportAll())).not.toContain('zebra');
    expect(JSON.stringify(store.exportConversation(conversation.id))).not.toContain('zebra');
    // A deleted message cannot be answered or continued.
    expect(() =>
      store.addMessage({
        conversationId: conversation.id,
        parentId: a2b.id,
        role: 'user',
        content: 'x',
        status: 'done',
      }),
    ).toThrow(notFound);

    const restored = store.restoreMessage(u2b.id);
    expect(restored.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question edited zebra',
      'answer edited zebra',
    ]);
    expect(restored.messages[2].siblingIds).toEqual([u2.id, u2b.id]);
    expect(restored.conversation.messageCount).toBe(6);
    expect(
      store
        .getPath(a2b.id)
        .map((m) => m.id)
        .at(-1),
    ).toBe(a2b.id);
    expect(
      store
        .search('zebra', { titlesOnly: false, limit: 10 })
        .map((hit) => hit.messageId)
        .sort(),
    ).toEqual([u2b.id, a2b.id].sort());
    // Restoring again changes nothing.
    expect(store.restoreMessage(u2b.id).messages.map((m) => m.id)).toEqual(
      restored.messages.map((m) => m.id),
    );
  });

  it('accepts any message of the deleted subtree and shows the newest leaf when the old one is gone', () => {
    const store = memoryStore();
    const { conversation, u1, a1, u2, a2, u2b } = tree(store);
    store.switchVersion(u2.id);
    store.deleteMessage(u2b.id);
    // The shown branch was elsewhere; deleting it and then restoring u2b shows u2b's branch.
    store.deleteMessage(u2.id);
    const view = store.restoreMessage(u2b.id);
    expect(view.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question edited zebra',
      'answer edited zebra',
    ]);
    // The branch shown before deleting u2 was u2 → a2: naming a2 restores it, shown again.
    expect(store.restoreMessage(a2.id).messages.map((m) => m.id)).toEqual([u1.id, a1.id, u2.id, a2.id]);
    expect(contents(store, conversation.id)).toEqual([
      'question one',
      'answer one',
      'question two',
      'answer two',
    ]);
  });

  it('restores an inner deletion together with an ancestor deleted after it', () => {
    const store = memoryStore();
    const { conversation, u1, a1, u2, a2, u2b, a2b } = tree(store);
    store.deleteMessage(a2.id);
    store.deleteMessage(a1.id);
    expect(store.getConversation(conversation.id).messageCount).toBe(1);
    // Restoring a1 brings back what was deleted with it, not a2, deleted on its own before.
    const outer = store.restoreMessage(a1.id);
    expect(outer.conversation.messageCount).toBe(5);
    store.deleteMessage(a1.id);
    // Restoring a2 first needs its ancestors back: a1's deletion is undone with it, and the
    // branch shown when a2 was deleted (the edited one) is shown again.
    const inner = store.restoreMessage(a2.id);
    expect(inner.messages.map((m) => m.id)).toEqual([u1.id, a1.id, u2b.id, a2b.id]);
    expect(inner.conversation.messageCount).toBe(6);
    expect(store.getPath(a2.id).map((m) => m.id)).toEqual([u1.id, a1.id, u2.id, a2.id]);
    expect(store.getMessage(u2b.id).siblingIds).toEqual([u2.id, u2b.id]);
  });

  it('marks an answer deleted while streaming as interrupted, so a restore never shows it streaming', () => {
    const store = memoryStore();
    const conversation = store.createConversation();
    const question = store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: 'q',
      status: 'done',
    });
    const answer = store.addMessage({
      conversationId: conversation.id,
      parentId: question.id,
      role: 'assistant',
      content: 'part',
      status: 'streaming',
    });
    store.deleteMessage(answer.id);
    expect(() => store.updateContent(answer.id, 'part more')).toThrow(notFound);
    const view = store.restoreMessage(answer.id);
    expect(view.messages.map((m) => [m.content, m.status])).toEqual([
      ['q', 'done'],
      ['part', 'interrupted'],
    ]);
  });

  it('purges deleted messages when the Trash is emptied', () => {
    const store = memoryStore();
    const { conversation, u2b } = tree(store);
    store.deleteMessage(u2b.id);
    expect(store.emptyTrash()).toBe(0);
    expect(() => store.restoreMessage(u2b.id)).toThrow(notFound);
    expect(store.getConversation(conversation.id).messageCount).toBe(4);
  });

  it('purges messages deleted more than 30 days ago when the library is opened', () => {
    const { path } = tempLibrary(onTestFinished);
    const clock = steppingClock('2024-01-01T00:00:00.000Z');
    const first = openConversationStore({ path, clock }).store;
    const { a2, u2b } = tree(first);
    first.deleteMessage(u2b.id);
    clock.set('2024-01-25T00:00:00.000Z');
    first.deleteMessage(a2.id);
    first.close();

    clock.set('2024-02-05T00:00:00.000Z');
    const second = openConversationStore({ path, clock }).store;
    expect(() => second.restoreMessage(u2b.id)).toThrow(notFound);
    expect(second.restoreMessage(a2.id).messages.at(-1)?.id).toBe(a2.id);
    second.close();
  });

  it('upgrades a version-2 library: counts stay right and old messages can be deleted and restored', () => {
    const { path } = tempLibrary(onTestFinished);
    const clock = steppingClock();
    const raw = openDatabase({ path, clock, migrations: MIGRATIONS.slice(0, 2) }).db;
    raw.exec(`INSERT INTO conversations (id, title, created_at, updated_at) VALUES ('c', 'old', 'a', 'a');
      INSERT INTO messages (id, conversation_id, parent_id, role, content, status, created_at)
      VALUES ('m1', 'c', NULL, 'user', 'hello', 'done', 'a'), ('m2', 'c', 'm1', 'assistant', 'hi', 'done', 'b');`);
    raw.close();
    const { store, notices } = openConversationStore({ path, clock });
    expect(notices.map((notice) => notice.kind)).toEqual(['migrated']);
    expect(store.getConversation('c').messageCount).toBe(2);
    expect(store.deleteMessage('m2').conversation.messageCount).toBe(1);
    expect(store.restoreMessage('m2').messages.map((m) => m.id)).toEqual(['m1', 'm2']);
    store.close();
  });
});
