import { describe, expect, it } from 'vitest';
import type { BackupData, ImportedConversation } from '../store/types';
import { backupToJson, conversationToJson, conversationToMarkdown, parseImportFiles } from './index';
import { sample, text } from './testSamples';

function chatgpt(path: string): ImportedConversation[] {
  return parseImportFiles([sample(path)]).conversations;
}

function backupOf(conversations: ImportedConversation[]): BackupData {
  return { format: 'penpal-backup', version: 1, exportedAt: '2025-01-02T03:04:05.000Z', conversations };
}

describe('Markdown export', () => {
  it('writes the shown branch with headings, dates and code blocks', () => {
    const [conversation] = chatgpt('mitkury-chatgpt-export-parser/example-conversation.json') as [
      ImportedConversation,
    ];
    const markdown = conversationToMarkdown(conversation);
    expect(
      markdown.startsWith(
        '# Sample conversation with branch\n\n*Created 2024-01-01 00:00 UTC · Last updated 2024-01-01 00:05 UTC*',
      ),
    ).toBe(true);
    expect(markdown).toContain(
      '**You** · 2024-01-01 00:01 UTC\n\nHello! Can you help me with a programming question?',
    );
    expect(markdown).toContain('**Assistant** (gpt-4) · ');
    expect(markdown).toContain('```javascript\nfunction greet(name) {\n  return `Hello, ${name}!`;\n}\n');
    expect(markdown).toContain('const greet = (name) => `Hello, ${name}!`;\n```');
    // Only the current branch: the edited question is not shown.
    expect(markdown).toContain('How do I write a function in JavaScript?');
    expect(markdown).not.toContain('Python instead');
  });

  it('includes the system prompt and only the current regeneration', () => {
    const [deploy] = chatgpt('librechat-import-fixtures/chatgpt-modern-export.json') as [
      ImportedConversation,
    ];
    expect(conversationToMarkdown(deploy)).toContain('**System prompt**\n\nAbout me:\nThe user is an SRE.');
    const [tree] = chatgpt('librechat-import-fixtures/chatgpt-tree.json') as [ImportedConversation];
    const markdown = conversationToMarkdown(tree);
    expect(markdown).toContain('tell me a joke');
    expect(markdown).not.toContain('so cool bro');
    expect(markdown.match(/\*\*You\*\*/g)).toHaveLength(3);
    expect(markdown.match(/\*\*Assistant\*\*/g)).toHaveLength(3);
  });

  it('closes a code block an interrupted answer left open', () => {
    const conversation: ImportedConversation = {
      sourceKey: 'penpal:x',
      title: 'Cut off',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      systemPrompt: '',
      currentLeafLocalId: 'b',
      messages: [
        {
          localId: 'a',
          parentLocalId: null,
          role: 'user',
          content: 'code please',
          createdAt: '2025-01-01T00:00:00.000Z',
          model: null,
        },
        {
          localId: 'b',
          parentLocalId: 'a',
          role: 'assistant',
          content: '```python\nprint(1)',
          createdAt: '2025-01-01T00:00:01.000Z',
          model: 'm',
          status: 'interrupted',
        },
      ],
    };
    const markdown = conversationToMarkdown(conversation);
    expect(markdown.endsWith('```python\nprint(1)\n```\n')).toBe(true);
    expect(markdown).toContain('*interrupted*');
  });
});

describe('Penpal backup', () => {
  it('round-trips every conversation with all branches', () => {
    const conversations = [
      ...chatgpt('librechat-import-fixtures/chatgpt-tree.json'),
      ...chatgpt('librechat-import-fixtures/chatgpt-modern-export.json'),
      ...chatgpt('polylogue-fixtures/chatgpt-native-conversation-v1.json'),
    ];
    conversations[0] = { ...(conversations[0] as ImportedConversation), pinned: true, archived: false };
    const json = backupToJson(backupOf(conversations));
    const parsed = parseImportFiles([text('penpal-backup.json', json)]);
    expect(parsed).toEqual({ source: 'penpal-backup', conversations, skipped: [], truncated: [] });
  });

  it('round-trips one conversation exported as JSON', () => {
    const [tree] = chatgpt('librechat-import-fixtures/chatgpt-tree.json') as [ImportedConversation];
    const parsed = parseImportFiles([text('conversation.json', conversationToJson(tree))]);
    expect(parsed.source).toBe('penpal-backup');
    expect(parsed.conversations).toEqual([tree]);
  });

  it('refuses a backup from a newer Penpal and a damaged one', () => {
    const newer = JSON.stringify({ format: 'penpal-backup', version: 2, exportedAt: 'x', conversations: [] });
    expect(() => parseImportFiles([text('new.json', newer)])).toThrow(
      /newer version of Penpal \(backup format 2\)/,
    );
    const broken = JSON.stringify({ format: 'penpal-backup', version: 1, conversations: 'nope' });
    expect(() => parseImportFiles([text('broken.json', broken)])).toThrow(
      /"broken\.json" is not a valid Penpal backup: exportedAt/,
    );
  });

  it('skips a damaged conversation and keeps the rest', () => {
    const [good] = chatgpt('librechat-import-fixtures/chatgpt-tree.json') as [ImportedConversation];
    const orphan = { ...good, sourceKey: 'penpal:2', title: 'Orphan', messages: good.messages.slice(1) };
    const invalid = { ...good, sourceKey: 'penpal:3', title: 'Invalid', messages: [{ localId: 'a' }] };
    const parsed = parseImportFiles([
      text('backup.json', backupToJson(backupOf([good, orphan, invalid as ImportedConversation]))),
    ]);
    expect(parsed.conversations).toEqual([good]);
    expect(parsed.skipped.map((entry) => entry.item)).toEqual(['"Orphan"', '"Invalid"']);
    expect(parsed.skipped[0]?.reason).toMatch(/refers to a parent/);
  });

  it('puts parents first when a backup lists an answer before its question', () => {
    const [tree] = chatgpt('librechat-import-fixtures/chatgpt-tree.json') as [ImportedConversation];
    const shuffled = { ...tree, messages: [...tree.messages].reverse() };
    const parsed = parseImportFiles([text('backup.json', backupToJson(backupOf([shuffled])))]);
    const seen = new Set<string | null>([null]);
    for (const message of parsed.conversations[0]?.messages ?? []) {
      expect(seen.has(message.parentLocalId)).toBe(true);
      seen.add(message.localId);
    }
    expect(parsed.conversations[0]?.messages).toHaveLength(tree.messages.length);

    const loop = {
      ...tree,
      messages: [
        {
          ...(tree.messages[0] as ImportedConversation['messages'][number]),
          localId: 'a',
          parentLocalId: 'b',
        },
        {
          ...(tree.messages[1] as ImportedConversation['messages'][number]),
          localId: 'b',
          parentLocalId: 'a',
        },
      ],
      currentLeafLocalId: 'b',
    };
    const looped = parseImportFiles([text('backup.json', backupToJson(backupOf([loop])))]);
    expect(looped.skipped[0]?.reason).toMatch(/loop/);
  });

  it('will not mix a backup with a ChatGPT export', () => {
    const backup = text('backup.json', backupToJson(backupOf([])));
    expect(() => parseImportFiles([backup, sample('librechat-import-fixtures/chatgpt-tree.json')])).toThrow(
      /not both at once/,
    );
  });
});
