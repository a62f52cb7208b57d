import { describe, expect, it } from 'vitest';
import type { ConversationPage, Message } from '../../shared/schemas';
import { appendPage, mergeKeepingAbove, prependPage } from './conversationView';

/** A branch m0 → m1 → … of `total` messages. */
function branch(total: number): Message[] {
  return Array.from({ length: total }, (_, index) => ({
    id: `m${index}`,
    conversationId: 'c',
    parentId: index === 0 ? null : `m${index - 1}`,
    role: index % 2 === 0 ? 'user' : 'assistant',
    content: `text ${index}`,
    status: 'done',
    error: null,
    model: null,
    usage: null,
    createdAt: '2025-01-01T00:00:00.000Z',
    truncatedChars: 0,
    contextBreak: false,
    contextRecorded: false,
    droppedToFit: 0,
    cost: null,
    contentLength: `text ${index}`.length,
    siblingIds: [`m${index}`],
  }));
}

/** Messages [start, end) of `messages` as the server pages them. */
function pageOf(messages: Message[], start: number, end: number): ConversationPage {
  return {
    conversation: {
      id: 'c',
      title: 'long',
      createdAt: '',
      updatedAt: '',
      pinned: false,
      archived: false,
      deletedAt: null,
      messageCount: messages.length,
      systemPrompt: '',
      personaId: null,
      memory: { strategy: 'fit_window', exchanges: 10 },
    },
    messages: messages.slice(start, end),
    startIndex: start,
    totalCount: messages.length,
    hasMoreBefore: start > 0,
    hasMoreAfter: end < messages.length,
  };
}

const ids = (page: ConversationPage | null) => page?.messages.map((m) => m.id);

describe('loaded pages', () => {
  const all = branch(300);

  it('an older page goes above the loaded run; one that does not join it is refused', () => {
    const tail = pageOf(all, 240, 300);
    const merged = prependPage(tail, pageOf(all, 160, 240));
    expect(merged).toMatchObject({ startIndex: 160, hasMoreBefore: true, hasMoreAfter: false });
    expect(ids(merged)).toEqual(all.slice(160).map((m) => m.id));
    expect(prependPage(tail, pageOf(all, 100, 180))).toBeNull();
    expect(prependPage(tail, pageOf(branch(301), 160, 240))).toBeNull();
  });

  it('a newer page goes below a run loaded around a search hit', () => {
    const around = pageOf(all, 20, 80);
    const merged = appendPage(around, pageOf(all, 80, 160));
    expect(merged).toMatchObject({ startIndex: 20, hasMoreAfter: true });
    expect(merged?.messages).toHaveLength(140);
    expect(appendPage(around, pageOf(all, 90, 160))).toBeNull();
  });

  it('a refetched tail keeps the older messages loaded above it', () => {
    const loaded = pageOf(all, 100, 300);
    // One message more at the end (a new answer): the tail page now starts one later.
    const grown = branch(301);
    const merged = mergeKeepingAbove(loaded, pageOf(grown, 241, 301));
    expect(merged).toMatchObject({
      startIndex: 100,
      totalCount: 301,
      hasMoreBefore: true,
      hasMoreAfter: false,
    });
    expect(ids(merged)).toEqual(grown.slice(100).map((m) => m.id));
    // A page that does not continue the loaded run replaces it.
    const elsewhere = pageOf(all, 0, 60);
    expect(mergeKeepingAbove(loaded, elsewhere)).toBe(elsewhere);
    expect(mergeKeepingAbove(null, elsewhere)).toBe(elsewhere);
  });
});
