import { describe, expect, it } from 'vitest';
import { MAX_MESSAGE_CHARS, MAX_TITLE_CHARS, truncateText } from '../../shared/limits';
import { memoryStore } from '../store/testing/fixtures';
import type { ImportedConversation } from '../store/types';
import { backupToJson, conversationToMarkdown, parseImportFiles } from './index';
import { sampleText, text } from './testSamples';

const EXPORT = 'librechat-import-fixtures/chatgpt-export.json';
const LONG = 3_000_000;

/** The real sample export with its first question made `length` characters long. */
function exportWithLongQuestion(length: number, title?: string): string {
  const conversations = JSON.parse(sampleText(EXPORT)) as Array<Record<string, unknown>>;
  const first = conversations[0] as { title: string; mapping: Record<string, { message?: unknown }> };
  const question = Object.values(first.mapping).find(
    (node) => (node.message as { author?: { role?: string } } | undefined)?.author?.role === 'user',
  )?.message as { content: { parts: string[] } };
  question.content.parts = ['Dear diary. '.padEnd(length, 'x')];
  if (title !== undefined) first.title = title;
  return JSON.stringify(conversations);
}

function backupWith(conversation: ImportedConversation): string {
  return backupToJson({
    format: 'penpal-backup',
    version: 1,
    exportedAt: '2024-01-01T00:00:00.000Z',
    conversations: [conversation],
  });
}

describe('size limits on import', () => {
  it('cuts a 3-million-character message of a ChatGPT export, stores what was cut and reports it', async () => {
    const parsed = parseImportFiles([text('conversations.json', exportWithLongQuestion(LONG))]);
    const [conversation] = parsed.conversations as [ImportedConversation];
    const question = conversation.messages.find((message) => message.role === 'user');
    expect(question?.content).toHaveLength(MAX_MESSAGE_CHARS);
    expect(question?.content.startsWith('Dear diary. ')).toBe(true);
    expect(question?.truncatedChars).toBe(LONG - MAX_MESSAGE_CHARS);
    expect(parsed.truncated).toEqual([
      { item: `"${conversation.title}"`, messages: 1, chars: LONG - MAX_MESSAGE_CHARS, systemPrompt: false },
    ]);

    const store = memoryStore();
    await store.importConversationsAsync(parsed.conversations);
    const [stored] = store.listConversations('active');
    const view = store.getView(stored?.id ?? '');
    const storedQuestion = view.messages.find((message) => message.role === 'user');
    expect(storedQuestion?.content).toHaveLength(MAX_MESSAGE_CHARS);
    expect(storedQuestion?.truncatedChars).toBe(LONG - MAX_MESSAGE_CHARS);
    // The other messages are complete.
    expect(view.messages.filter((message) => message.truncatedChars > 0)).toHaveLength(1);
  });

  it('cuts a 3-million-character message of a Penpal backup, adding to what was already cut', async () => {
    const conversation: ImportedConversation = {
      sourceKey: 'penpal:long-one',
      title: 'A long letter',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-01T00:00:00.000Z',
      systemPrompt: '',
      messages: [
        {
          localId: 'q',
          parentLocalId: null,
          role: 'user',
          content: 'y'.repeat(LONG),
          createdAt: '2024-01-01T00:00:00.000Z',
          model: null,
        },
        {
          localId: 'a',
          parentLocalId: 'q',
          role: 'assistant',
          content: 'An answer that an earlier Penpal already cut.',
          createdAt: '2024-01-01T00:00:01.000Z',
          model: 'gpt-4o',
          status: 'interrupted',
          truncatedChars: 1234,
        },
      ],
      currentLeafLocalId: 'a',
    };
    const parsed = parseImportFiles([text('penpal-backup.json', backupWith(conversation))]);
    expect(parsed.truncated).toEqual([
      { item: '"A long letter"', messages: 1, chars: LONG - MAX_MESSAGE_CHARS, systemPrompt: false },
    ]);
    const store = memoryStore();
    await store.importConversationsAsync(parsed.conversations);
    const id = store.listConversations('active')[0]?.id ?? '';
    const [question, answer] = store.getView(id).messages;
    expect(question?.content).toBe('y'.repeat(MAX_MESSAGE_CHARS));
    expect(question?.truncatedChars).toBe(LONG - MAX_MESSAGE_CHARS);
    expect(answer?.truncatedChars).toBe(1234);
    // A new backup keeps the record, so restoring it again still says "truncated".
    const again = store.exportAll().conversations[0];
    expect(again?.messages.map((message) => message.truncatedChars)).toEqual([
      LONG - MAX_MESSAGE_CHARS,
      1234,
    ]);
    // So does a Markdown export, in words.
    const markdown = conversationToMarkdown(again as ImportedConversation);
    expect(markdown).toContain('*(Truncated: 1,000,000 characters were cut.)*');
    expect(markdown).toContain('*(Truncated: 1,234 characters were cut.)*');
  });

  it('cuts a title past the limit, ending it with an ellipsis', () => {
    const parsed = parseImportFiles([
      text('conversations.json', exportWithLongQuestion(10, 'T'.repeat(5000))),
    ]);
    const title = parsed.conversations[0]?.title ?? '';
    expect(title).toHaveLength(MAX_TITLE_CHARS);
    expect(title).toBe(`${'T'.repeat(MAX_TITLE_CHARS - 1)}…`);
    // A long title alone cuts no text worth a report line: the ellipsis is its note.
    expect(parsed.truncated).toEqual([]);
    // One exactly at the limit is kept whole.
    const atLimit = 'U'.repeat(MAX_TITLE_CHARS);
    const kept = parseImportFiles([text('conversations.json', exportWithLongQuestion(10, atLimit))]);
    expect(kept.conversations[0]?.title).toBe(atLimit);
  });

  it('reports a system prompt cut to the limit', () => {
    const conversation = JSON.parse(
      backupWith({
        sourceKey: 'penpal:prompt',
        title: 'Instructions',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-01T00:00:00.000Z',
        systemPrompt: 'z'.repeat(MAX_MESSAGE_CHARS + 10),
        messages: [],
        currentLeafLocalId: null,
      }),
    ) as unknown;
    const parsed = parseImportFiles([text('penpal-backup.json', JSON.stringify(conversation))]);
    expect(parsed.conversations[0]?.systemPrompt).toHaveLength(MAX_MESSAGE_CHARS);
    expect(parsed.truncated).toEqual([
      { item: '"Instructions"', messages: 0, chars: 10, systemPrompt: true },
    ]);
  });

  it('never cuts between the two halves of an emoji', () => {
    expect(truncateText('ab😀cd', 3)).toEqual({ text: 'ab', cut: 4 });
    expect(truncateText('ab😀cd', 4)).toEqual({ text: 'ab😀', cut: 2 });
    expect(truncateText('short', 10)).toEqual({ text: 'short', cut: 0 });
  });
});
