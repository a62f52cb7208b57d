import { describe, expect, it } from 'vitest';
import { pageRange } from './branchPage';
import { memoryStore } from './testing/fixtures';
import type { ConversationStore } from './types';

/** A linear chat of `count` messages (user/assistant alternating), contents "m0", "m1", … */
function longChat(store: ConversationStore, count: number) {
  const conversation = store.createConversation({ title: 'long' });
  const ids: string[] = [];
  let parentId: string | null = null;
  for (let i = 0; i < count; i++) {
    const message = store.addMessage({
      conversationId: conversation.id,
      parentId,
      role: i % 2 === 0 ? 'user' : 'assistant',
      content: `m${i}`,
      status: 'done',
    });
    ids.push(message.id);
    parentId = message.id;
  }
  return { conversation, ids };
}

const contents = (messages: { content: string }[]) => messages.map((m) => m.content);
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `m${from + i}`);

describe('branch pages', () => {
  it('gives the tail by default, with the branch size and whether more is before', () => {
    const store = memoryStore();
    const { conversation } = longChat(store, 150);
    const tail = store.getPage(conversation.id);
    expect(contents(tail.messages)).toEqual(range(90, 150));
    expect(tail).toMatchObject({ startIndex: 90, totalCount: 150, hasMoreBefore: true, hasMoreAfter: false });
    const small = store.getPage(conversation.id, { limit: 200 });
    expect(small.messages).toHaveLength(150);
    expect(small).toMatchObject({ startIndex: 0, hasMoreBefore: false, hasMoreAfter: false });
  });

  it('pages back with `before` until the root, each page matching the whole view', () => {
    const store = memoryStore();
    const { conversation } = longChat(store, 130);
    const whole = store.getView(conversation.id).messages;
    let page = store.getPage(conversation.id, { limit: 50 });
    const seen = [...page.messages];
    while (page.hasMoreBefore) {
      page = store.getPage(conversation.id, { limit: 50, before: page.messages[0].id });
      seen.unshift(...page.messages);
    }
    expect(page.startIndex).toBe(0);
    expect(page.messages).toHaveLength(30);
    expect(seen).toEqual(whole);
  });

  it('`around` gives a page holding the message, pageable both ways; the tail when it is in the tail', () => {
    const store = memoryStore();
    const { conversation, ids } = longChat(store, 200);
    const around = store.getPage(conversation.id, { limit: 40, around: ids[50] });
    expect(contents(around.messages)).toEqual(range(30, 70));
    expect(around).toMatchObject({
      startIndex: 30,
      totalCount: 200,
      hasMoreBefore: true,
      hasMoreAfter: true,
    });
    const after = store.getPage(conversation.id, { limit: 40, after: around.messages.at(-1)!.id });
    expect(contents(after.messages)).toEqual(range(70, 110));
    const near = store.getPage(conversation.id, { limit: 40, around: ids[170] });
    expect(near).toMatchObject({ startIndex: 160, hasMoreAfter: false });
    const top = store.getPage(conversation.id, { limit: 40, around: ids[3] });
    expect(top).toMatchObject({ startIndex: 0, hasMoreBefore: false, hasMoreAfter: true });
  });

  it('an anchor that is not on the branch gives the tail', () => {
    const store = memoryStore();
    const { conversation, ids } = longChat(store, 10);
    const other = store.addMessage({
      conversationId: conversation.id,
      parentId: ids[3],
      role: 'user',
      content: 'other version',
      status: 'done',
    });
    store.switchVersion(ids[4]);
    for (const query of [{ before: other.id }, { around: other.id }, { after: 'missing' }]) {
      const page = store.getPage(conversation.id, { limit: 4, ...query });
      expect(contents(page.messages)).toEqual(range(6, 10));
    }
  });

  it('follows the shown branch: counts and version ids match the whole view', () => {
    const store = memoryStore();
    const { conversation, ids } = longChat(store, 100);
    // An edit of message 40 (a user message): a short branch of 42 messages is shown.
    const edited = store.addMessage({
      conversationId: conversation.id,
      parentId: ids[39],
      role: 'user',
      content: 'edited',
      status: 'done',
    });
    store.addMessage({
      conversationId: conversation.id,
      parentId: edited.id,
      role: 'assistant',
      content: 'new',
      status: 'done',
    });
    // Another root version, so the root's versions are listed too.
    const rootVersion = store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: 'other root',
      status: 'done',
    });
    store.switchVersion(edited.id);
    const whole = store.getView(conversation.id);
    const tail = store.getPage(conversation.id, { limit: 10 });
    expect(tail.totalCount).toBe(42);
    expect(tail.messages).toEqual(whole.messages.slice(32));
    expect(tail.messages.at(-2)?.siblingIds).toEqual([ids[40], edited.id]);
    const head = store.getPage(conversation.id, { limit: 10, around: ids[0] });
    expect(head.messages).toEqual(whole.messages.slice(0, 10));
    expect(head.messages[0].siblingIds).toEqual([ids[0], rootVersion.id]);

    const back = store.switchVersion(ids[40]);
    expect(back).toMatchObject({ totalCount: 100, startIndex: 40, hasMoreAfter: false });
    expect(back.messages.some((m) => m.id === ids[40])).toBe(true);
  });

  it('delete and restore return the tail of the branch they leave shown', () => {
    const store = memoryStore();
    const { conversation, ids } = longChat(store, 100);
    const deleted = store.deleteMessage(ids[80]);
    expect(deleted).toMatchObject({ totalCount: 80, startIndex: 20, hasMoreAfter: false });
    expect(deleted.messages.at(-1)?.id).toBe(ids[79]);
    const restored = store.restoreMessage(ids[80]);
    expect(restored).toMatchObject({ totalCount: 100, startIndex: 40 });
    expect(store.getPage(conversation.id).messages.at(-1)?.id).toBe(ids[99]);
  });

  it('an empty conversation is an empty page', () => {
    const store = memoryStore();
    const conversation = store.createConversation({ title: 'empty' });
    expect(store.getPage(conversation.id)).toMatchObject({
      messages: [],
      startIndex: 0,
      totalCount: 0,
      hasMoreBefore: false,
      hasMoreAfter: false,
    });
  });

  it('pageRange clamps at both ends', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    expect(pageRange(ids, { limit: 2 })).toEqual([3, 5]);
    expect(pageRange(ids, { limit: 2, before: 'b' })).toEqual([0, 1]);
    expect(pageRange(ids, { limit: 2, after: 'd' })).toEqual([4, 5]);
    expect(pageRange(ids, { limit: 3, around: 'b' })).toEqual([0, 3]);
    expect(pageRange([], { limit: 3 })).toEqual([0, 0]);
  });
});
