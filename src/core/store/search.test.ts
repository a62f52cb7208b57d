import { describe, expect, it } from 'vitest';
import { memoryStore, steppingClock } from './testing/fixtures';

function library() {
  const store = memoryStore(steppingClock('2024-03-01T00:00:00.000Z'));
  const add = (conversationId: string, content: string, createdAt?: string) =>
    store.addMessage({ conversationId, parentId: null, role: 'user', content, status: 'done', createdAt });
  const school = store.createConversation({ title: '学校的回忆' });
  const schoolMessage = add(school.id, '我们的学校很大，操场上总有一只猫在睡觉。后来我们都毕业了。');
  const english = store.createConversation({ title: 'Photosynthesis notes' });
  const plants = add(
    english.id,
    'Plants convert sunlight into chemical energy through photosynthesis in their leaves.',
    '2024-01-15T10:00:00.000Z',
  );
  const later = add(english.id, 'Later we talked about photography and cameras.', '2024-02-20T10:00:00.000Z');
  const trashed = store.createConversation({ title: 'Secret photos' });
  add(trashed.id, 'photographs hidden in the trash');
  store.trashConversation(trashed.id);
  return { store, school, schoolMessage, english, plants, later };
}

const options = { titlesOnly: false, limit: 20 };

describe('search', () => {
  it('matches English words by prefix as you type', () => {
    const { store, plants, later } = library();
    const ids = (query: string) =>
      store
        .search(query, options)
        .filter((hit) => hit.messageId)
        .map((hit) => hit.messageId);
    expect(ids('photo')).toEqual([later.id, plants.id]);
    expect(ids('photos')).toEqual([plants.id]);
    expect(ids('SUNL')).toEqual([plants.id]);
    // After a space the word is complete: "photo " is not a prefix any more.
    expect(ids('photo ')).toEqual([]);
    expect(ids('chemical ener')).toEqual([plants.id]);
  });

  it('finds Chinese words of one and two characters inside longer runs', () => {
    const { store, school, schoolMessage } = library();
    const two = store.search('学校', options);
    expect(two.map((hit) => hit.messageId)).toEqual([null, schoolMessage.id]);
    expect(two[0].conversationId).toBe(school.id);
    expect(store.search('猫', options).map((hit) => hit.messageId)).toEqual([schoolMessage.id]);
    expect(store.search('毕业', options).map((hit) => hit.messageId)).toEqual([schoolMessage.id]);
    // Characters that do not follow each other are not the phrase.
    expect(store.search('学猫', options)).toEqual([]);
  });

  it('marks the matched words in a snippet cut from the original text', () => {
    const { store } = library();
    const [hit] = store.search('猫', options);
    expect(hit.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['猫']);
    // No spaces were inserted between Chinese characters.
    expect(hit.snippet.map((part) => part.text).join('')).toBe(
      '我们的学校很大，操场上总有一只猫在睡觉。后来我们都毕业了。',
    );
    const [english] = store.search('sunl', { ...options, titlesOnly: false }).filter((h) => h.messageId);
    expect(english.snippet).toContainEqual({ text: 'sunlight', match: true });
    expect(english.title).toBe('Photosynthesis notes');
  });

  it('keeps a long snippet short, around the first match', () => {
    const { store } = library();
    const conversation = store.createConversation({ title: 'long' });
    const filler = Array.from({ length: 80 }, (_, n) => `word${n}`).join(' ');
    store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: `${filler} needle ${filler}`,
      status: 'done',
    });
    const [hit] = store.search('needle', options);
    const text = hit.snippet.map((part) => part.text).join('');
    const words = text.split(' ').length;
    expect(words).toBeGreaterThanOrEqual(10);
    expect(words).toBeLessThanOrEqual(25);
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(hit.snippet.filter((part) => part.match)).toEqual([{ text: 'needle', match: true }]);
  });

  it('searches titles only when asked', () => {
    const { store, english } = library();
    const hits = store.search('photo', { ...options, titlesOnly: true });
    expect(hits.map((hit) => [hit.conversationId, hit.messageId])).toEqual([[english.id, null]]);
    expect(hits[0].snippet).toEqual([
      { text: 'Photosynthesis', match: true },
      { text: ' notes', match: false },
    ]);
  });

  it('filters messages by date', () => {
    const { store, plants, later } = library();
    const messageIds = (from?: string, to?: string) =>
      store
        .search('photo', { ...options, from, to })
        .filter((hit) => hit.messageId)
        .map((hit) => hit.messageId);
    expect(messageIds('2024-02-01T00:00:00.000Z')).toEqual([later.id]);
    expect(messageIds(undefined, '2024-01-31T00:00:00.000Z')).toEqual([plants.id]);
    // A bare date as `to` includes that whole day.
    expect(messageIds('2024-01-15', '2024-01-15')).toEqual([plants.id]);
    expect(messageIds('2023-01-01', '2023-12-31')).toEqual([]);
  });

  it('leaves the Trash out', () => {
    const { store } = library();
    expect(store.search('photographs', options)).toEqual([]);
    expect(store.search('secret', { ...options, titlesOnly: true })).toEqual([]);
  });

  it('treats hostile input as text, never as syntax', () => {
    const { store } = library();
    for (const query of [
      '"',
      '""',
      'AND',
      'OR',
      'NOT',
      '*',
      'NEAR(',
      'NEAR(a b, 2)',
      '-x',
      'a:b',
      'body:photo',
      '(',
      ')',
      '^',
      "'; DROP TABLE messages; --",
      '{a b}',
      '+',
      'photo*',
      'a"b',
      '\\',
      '\u0301',
      '😀',
    ]) {
      expect(() => store.search(query, options), query).not.toThrow();
    }
    // The words in them still search: "body:photo" looks for body and photo*, not a column filter
    // (message_fts's column is called body): no message says "body" yet, so nothing is found.
    expect(store.search('body:photo', options)).toEqual([]);
    expect(store.search('sunlight AND', options).length).toBe(0);
    expect(store.search('"sunlight"', options).length).toBe(1);
    expect(store.search('photo*', options).filter((hit) => hit.messageId).length).toBe(2);
    // Once a message has both words, it is found.
    const anatomy = store.createConversation({ title: 'anatomy' });
    const body = store.addMessage({
      conversationId: anatomy.id,
      parentId: null,
      role: 'user',
      content: 'A photograph of the whole body.',
      status: 'done',
    });
    expect(store.search('body:photo', options).map((hit) => hit.messageId)).toEqual([body.id]);
  });

  it('respects the limit and returns nothing for an empty query', () => {
    const { store } = library();
    const conversation = store.createConversation({ title: 'many' });
    for (let n = 0; n < 30; n++) {
      store.addMessage({
        conversationId: conversation.id,
        parentId: null,
        role: 'user',
        content: `repeat ${n}`,
        status: 'done',
      });
    }
    expect(store.search('repeat', { titlesOnly: false, limit: 7 })).toHaveLength(7);
    expect(store.search('   ', options)).toEqual([]);
  });

  it('indexes a streamed message when it finishes, and follows renames and deletions', () => {
    const { store, english, later } = library();
    const streaming = store.addMessage({
      conversationId: english.id,
      parentId: later.id,
      role: 'assistant',
      content: '',
      status: 'streaming',
    });
    store.updateContent(streaming.id, 'zebra crossing');
    expect(store.search('zebra', options)).toEqual([]);
    store.finishMessage(streaming.id, {
      status: 'done',
      content: 'zebra crossing done',
      error: null,
      usage: null,
    });
    expect(store.search('zebra', options).map((hit) => hit.messageId)).toEqual([streaming.id]);
    store.deleteMessage(streaming.id);
    expect(store.search('zebra', options)).toEqual([]);
    store.renameConversation(english.id, 'Botany');
    expect(store.search('botany', { ...options, titlesOnly: true })).toHaveLength(1);
    expect(store.search('photosynthesis', { ...options, titlesOnly: true })).toEqual([]);
  });

  it('indexes and searches a ten-million-letter word without throwing, snippet and all', () => {
    const { store } = library();
    const conversation = store.createConversation({ title: 'odd text' });
    // Letters with a combining accent (e + U+0301): the pattern that overflowed the regex stack.
    const accented = store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: 'e\u0301'.repeat(5_000_000),
      status: 'done',
    });
    const plain = store.addMessage({
      conversationId: conversation.id,
      parentId: accented.id,
      role: 'user',
      content: `${'x '.repeat(1_000_000)}the photograph at the very end`,
      status: 'done',
    });
    const [hit] = store.search('e', options).filter((h) => h.messageId === accented.id);
    expect(hit?.snippet[0]).toMatchObject({ match: true });
    expect(hit?.snippet[0]?.text.startsWith('e\u0301e\u0301')).toBe(true);
    // A match two million characters in is found and marked, with the text around it.
    const [late] = store.search('photograph', options).filter((h) => h.messageId === plain.id);
    expect(late?.snippet.filter((part) => part.match).map((part) => part.text)).toEqual(['photograph']);
    expect(late?.snippet.map((part) => part.text).join('')).toMatch(
      /^…x x .* the photograph at the very end$/,
    );
  });

  it('refuses dates that do not exist as invalid input, with a clear message', () => {
    const { store } = library();
    for (const bad of ['9999-99-99', '2024-13-01', '2023-02-29', 'abc', '2024-05-01T25:00:00Z']) {
      for (const bound of ['from', 'to'] as const) {
        let error: unknown;
        try {
          store.search('photo', { ...options, [bound]: bad });
        } catch (caught) {
          error = caught;
        }
        expect(error, `${bound} ${bad}`).toMatchObject({ code: 'invalid_input' });
        expect((error as Error).message).toContain(`"${bad}" is not a real date; use YYYY-MM-DD`);
      }
    }
    // Real days and the window's own ISO times still work, the last day of the calendar too.
    expect(store.search('photo', { ...options, from: '2024-02-29', to: '9999-12-31' })).not.toHaveLength(0);
    expect(
      store.search('photo', {
        ...options,
        from: '2024-01-01T00:00:00.000Z',
        to: '2024-01-31T23:59:59.999+08:00',
      }),
    ).toHaveLength(1);
  });
});
