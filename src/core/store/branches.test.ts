import { describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { createStore } from './index';
import { chat, contents, memoryStore, steppingClock } from './testing/fixtures';

describe('branches', () => {
  it('shows the current branch root first, with the newest message as leaf', () => {
    const store = memoryStore();
    const { conversation } = chat(store);
    const view = store.getView(conversation.id);
    expect(view.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question two',
      'answer two',
    ]);
    expect(view.messages.every((m) => m.siblingIds.length === 1 && m.siblingIds[0] === m.id)).toBe(true);
    expect(view.conversation.messageCount).toBe(4);
  });

  it('an edit becomes a sibling version and the new branch is shown', () => {
    const store = memoryStore();
    const { conversation, add, u2, a1 } = chat(store);
    const edited = add(a1.id, 'user', 'question two, edited');
    const answer = add(edited.id, 'assistant', 'answer to the edit');
    const view = store.getView(conversation.id);
    expect(view.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question two, edited',
      'answer to the edit',
    ]);
    // Versions are listed oldest first, on each message of the pair.
    expect(view.messages[2].siblingIds).toEqual([u2.id, edited.id]);
    expect(store.getMessage(u2.id).siblingIds).toEqual([u2.id, edited.id]);
    expect(view.messages[3].siblingIds).toEqual([answer.id]);
    expect(store.getPath(answer.id).map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question two, edited',
      'answer to the edit',
    ]);
  });

  it('switchVersion shows the newest leaf below the chosen version', () => {
    const store = memoryStore();
    const { conversation, add, u2, a2, a1 } = chat(store);
    // Two regenerations of answer two: the newest is a2c.
    const a2b = add(u2.id, 'assistant', 'answer two b');
    add(u2.id, 'assistant', 'answer two c');
    const edited = add(a1.id, 'user', 'edited');
    add(edited.id, 'assistant', 'edited answer');
    const back = store.switchVersion(u2.id);
    expect(back.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question two',
      'answer two c',
    ]);
    expect(back.messages[3].siblingIds).toHaveLength(3);
    expect(store.switchVersion(a2b.id).messages.at(-1)?.content).toBe('answer two b');
    expect(contents(store, conversation.id).at(-1)).toBe('answer two b');
    expect(store.switchVersion(a2.id).messages.at(-1)?.content).toBe('answer two');
    expect(store.switchVersion(edited.id).messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'edited',
      'edited answer',
    ]);
  });

  it('deleteMessage removes the subtree and moves to the newest remaining version, else the parent', () => {
    const store = memoryStore();
    const { conversation, add, u2, a1 } = chat(store);
    const edited = add(a1.id, 'user', 'edited');
    add(edited.id, 'assistant', 'edited answer');
    const later = add(a1.id, 'user', 'edited again');
    store.switchVersion(edited.id);
    // Deleting the shown version moves to the newest remaining one (later), not the oldest.
    const view = store.deleteMessage(edited.id);
    expect(view.messages.map((m) => m.content)).toEqual(['question one', 'answer one', 'edited again']);
    expect(view.messages[2].siblingIds).toEqual([u2.id, later.id]);
    expect(view.conversation.messageCount).toBe(5);
    store.deleteMessage(later.id);
    expect(contents(store, conversation.id)).toEqual([
      'question one',
      'answer one',
      'question two',
      'answer two',
    ]);
    // No sibling left: the parent becomes the leaf, and the whole subtree is gone.
    const last = store.deleteMessage(u2.id);
    expect(last.messages.map((m) => m.content)).toEqual(['question one', 'answer one']);
    expect(last.conversation.messageCount).toBe(2);
    expect(() => store.getMessage(u2.id)).toThrow(expect.objectContaining({ code: 'not_found' }));
  });

  it('deleting a message off the shown branch leaves the shown branch alone', () => {
    const store = memoryStore();
    const { conversation, add, u2, a1 } = chat(store);
    add(a1.id, 'user', 'other');
    store.switchVersion(u2.id);
    const view = store.deleteMessage(store.getView(conversation.id).messages[2].siblingIds[1]);
    expect(view.messages.map((m) => m.content)).toEqual([
      'question one',
      'answer one',
      'question two',
      'answer two',
    ]);
    expect(view.messages[2].siblingIds).toEqual([u2.id]);
  });

  it('deleting the only root empties the view', () => {
    const store = memoryStore();
    const { conversation, u1 } = chat(store);
    const view = store.deleteMessage(u1.id);
    expect(view.messages).toEqual([]);
    expect(store.getConversation(conversation.id).messageCount).toBe(0);
  });
});

describe('versions of a message whose parent is missing or deleted', () => {
  it('are the roots of its role, the same from getMessage, getPage, getView and getPath', () => {
    const clock = steppingClock();
    const { db } = openDatabase({ path: ':memory:', clock });
    const store = createStore(db, clock);
    const { conversation, add, u1, a1 } = chat(store);
    // States the store itself never leaves, but a damaged or hand-edited file can hold:
    // y's parent is deleted while y is not, and x's parent is not in the file at all.
    const hidden = add(u1.id, 'assistant', 'hidden parent');
    const y = add(hidden.id, 'user', 'under a deleted parent');
    db.prepare('UPDATE messages SET deleted_at = ? WHERE id = ?').run(clock.now().toISOString(), hidden.id);
    const x = add(a1.id, 'user', 'orphan');
    db.prepare("UPDATE messages SET parent_id = 'gone' WHERE id = ?").run(x.id);

    const roots = [u1.id, y.id, x.id];
    for (const message of [x, y, u1]) {
      const page = store.switchVersion(message.id);
      expect(page.messages[0].id).toBe(message.id);
      expect(page.messages[0].siblingIds).toEqual(roots);
      expect(store.getMessage(message.id).siblingIds).toEqual(page.messages[0].siblingIds);
      expect(store.getView(conversation.id).messages[0].siblingIds).toEqual(roots);
      expect(store.getPath(message.id)[0].siblingIds).toEqual(roots);
    }
    store.close();
  });
});

describe('streaming', () => {
  it('updates content while streaming, then finishes with status, usage and error', () => {
    const store = memoryStore();
    const { conversation, a2 } = chat(store);
    const streaming = store.addMessage({
      conversationId: conversation.id,
      parentId: a2.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
      model: 'm1',
    });
    store.updateContent(streaming.id, 'Hel');
    store.updateContent(streaming.id, 'Hello wor');
    expect(store.getMessage(streaming.id)).toMatchObject({ content: 'Hello wor', status: 'streaming' });
    const done = store.finishMessage(streaming.id, {
      status: 'done',
      content: 'Hello world',
      error: null,
      usage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 },
    });
    expect(done).toMatchObject({
      content: 'Hello world',
      status: 'done',
      model: 'm1',
      usage: { totalTokens: 5 },
      error: null,
    });
    // A late throttled update must not overwrite the final text.
    store.updateContent(streaming.id, 'Hello wo');
    expect(store.getMessage(streaming.id).content).toBe('Hello world');
    const failed = store.addMessage({
      conversationId: conversation.id,
      parentId: a2.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    const errored = store.finishMessage(failed.id, {
      status: 'error',
      content: '',
      error: { code: 'rate_limited', message: 'slow down', retryAfter: 3 },
      usage: null,
      model: 'm2',
    });
    expect(errored).toMatchObject({
      status: 'error',
      error: { code: 'rate_limited', retryAfter: 3 },
      model: 'm2',
    });
  });

  it('recoverInterrupted turns streaming messages into interrupted ones, keeping the text', () => {
    const store = memoryStore();
    const { conversation, a2 } = chat(store);
    const streaming = store.addMessage({
      conversationId: conversation.id,
      parentId: a2.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    store.updateContent(streaming.id, 'partial answer');
    expect(store.recoverInterrupted()).toBe(1);
    expect(store.getMessage(streaming.id)).toMatchObject({
      status: 'interrupted',
      content: 'partial answer',
    });
    expect(store.recoverInterrupted()).toBe(0);
    // Interrupted text is searchable: it left the streaming state.
    expect(store.search('partial', { titlesOnly: false, limit: 10 }).map((hit) => hit.messageId)).toEqual([
      streaming.id,
    ]);
  });
});
