import { describe, expect, it } from 'vitest';
import type { ImportedConversation } from '../store/types';
import { parseImportFiles } from './index';
import { shownBranch } from './markdown';
import { childrenOf, failure, sample, sampleText, text } from './testSamples';

function parseOne(path: string): ImportedConversation {
  const parsed = parseImportFiles([sample(path)]);
  expect(parsed.source).toBe('chatgpt');
  expect(parsed.conversations).toHaveLength(1);
  return parsed.conversations[0] as ImportedConversation;
}

function lastShown(conversation: ImportedConversation): string {
  // The export names the leaf it shows (shownBranch would otherwise fall back to the newest message).
  expect(conversation.currentLeafLocalId).not.toBeNull();
  return shownBranch(conversation).at(-1)?.content ?? '';
}

describe('ChatGPT conversations.json', () => {
  it('reads a real export with browsing tool calls folded into the assistant turn', () => {
    const parsed = parseImportFiles([sample('librechat-import-fixtures/chatgpt-export.json')]);
    expect(parsed.skipped).toEqual([]);
    expect(parsed.conversations.map((c) => c.title)).toEqual([
      'Conversation 1. Web Search',
      'Conversation 2',
    ]);
    const [web] = parsed.conversations as [ImportedConversation];
    expect(web.sourceKey).toBe('chatgpt:d6523d1e-7ec3-474f-a363-0e9dffdb3d93');
    expect(web.createdAt).toBe('2024-01-07T12:18:35.775Z');
    expect(web.updatedAt).toBe('2024-01-08T12:37:22.442Z');
    // 3 user turns, 3 assistant turns: search/mclick calls and page quotes belong to the answer.
    expect(web.messages.map((m) => m.role)).toEqual([
      'user',
      'assistant',
      'user',
      'assistant',
      'user',
      'assistant',
    ]);
    const firstAnswer = web.messages[1]?.content ?? '';
    expect(firstAnswer).toContain('**→ browser**');
    expect(firstAnswer).toContain('search("Volkswagen Transporter fuel consumption with 8 people l/km")');
    expect(firstAnswer).toContain('**browser output**');
    expect(firstAnswer).toContain('(https://www.drive.com.au/reviews/volkswagen-transporter-review/)');
    expect(firstAnswer).toMatch(/The fuel consumption of a Volkswagen Transporter can vary/);
    expect(web.messages[1]?.model).toBe('gpt-4');
    expect(web.messages[0]?.model).toBeNull();
    expect(lastShown(web)).toMatch(
      /^The fuel consumption figures for the 2014 Volkswagen Transporter TDI340/,
    );
    expect(web.systemPrompt).toBe('');
  });

  it('keeps every branch of an edited and regenerated conversation and shows current_node', () => {
    const tree = parseOne('librechat-import-fixtures/chatgpt-tree.json');
    expect(tree.title).toBe('Assist user with summary');
    expect(tree.messages).toHaveLength(11);
    const hello = tree.messages.find((m) => m.content === 'Hello! How can I assist you today?');
    expect(childrenOf(tree, hello?.localId ?? '').map((m) => m.content)).toEqual(['so cool bro', 'hi again']);
    const joke = tree.messages.find((m) => m.content === 'tell me a joke');
    expect(childrenOf(tree, joke?.localId ?? '')).toHaveLength(2);
    expect(tree.currentLeafLocalId).toBe('f63b8e17-aa5c-4ca6-a1bf-d4d285e269b8');
    expect(shownBranch(tree).map((m) => m.content.slice(0, 14))).toEqual([
      'hi there',
      'Hello! How can',
      'hi again',
      'Hey! Welcome b',
      'tell me a joke',
      "Sure, here's o",
    ]);
    const story = tree.messages.find((m) => m.content.startsWith("Sure! Here's a short story"));
    expect(story?.status).toBe('interrupted');
    // Parents always come before their children, as the store inserts them in order.
    const seen = new Set<string | null>([null]);
    for (const message of tree.messages) {
      expect(seen.has(message.parentLocalId)).toBe(true);
      seen.add(message.localId);
    }
  });

  it('handles a system root with a message and a simple branch', () => {
    const conversation = parseOne('mitkury-chatgpt-export-parser/example-conversation.json');
    expect(conversation.messages[0]?.role).toBe('user');
    expect(conversation.messages[0]?.parentLocalId).toBeNull();
    expect(conversation.createdAt).toBe('2024-01-01T00:00:00.000Z');
    expect(conversation.currentLeafLocalId).toBe('msg-6');
    expect(lastShown(conversation)).toContain('```javascript\nfunction greet(name) {');
    expect(childrenOf(conversation, 'msg-3').map((m) => m.localId)).toEqual(['msg-4', 'msg-5']);
  });

  it('turns custom instructions into the system prompt and skips an entry without messages', () => {
    const parsed = parseImportFiles([sample('librechat-import-fixtures/chatgpt-modern-export.json')]);
    expect(parsed.conversations.map((c) => c.title)).toEqual([
      'Deploying the staging cluster',
      'Weeknight pasta',
    ]);
    expect(parsed.skipped).toEqual([
      { item: '"Corrupted entry"', reason: expect.stringMatching(/no messages/) },
    ]);
    const deploy = parsed.conversations[0] as ImportedConversation;
    expect(deploy.systemPrompt).toContain('The user is an SRE.');
    expect(deploy.systemPrompt).toContain('Answer concisely.');
    expect(deploy.messages.some((m) => m.content.includes('SRE'))).toBe(false);
    // model_slug when the message has one, else the conversation's default_model_slug.
    expect(deploy.messages.filter((m) => m.role === 'assistant').map((m) => m.model)).toEqual([
      'gpt-5-thinking',
      'o4-mini',
    ]);
    expect(lastShown(deploy)).toBe('Restore from the last known-good chart.');
  });

  it('reads a June 2025 export with hidden context messages', () => {
    const conversation = parseOne('openwebui-importer-examples/gpt_example.json');
    expect(conversation.title).toBe('How photosynthesis works');
    expect(conversation.createdAt).toBe('2025-06-21T20:24:42.970Z');
    expect(conversation.systemPrompt).toMatch(/^Please keep the initial response to 1 to 2 paragraphs/);
    expect(conversation.messages).toHaveLength(10);
    expect(conversation.messages[0]?.content).toBe(
      'Can you explain how photosynthesis works in simple terms?',
    );
    expect(lastShown(conversation)).toMatch(/^Forests, like ponds, are not sentient/);
  });

  it('survives dangling parents and a current_node missing from the mapping', () => {
    const conversation = parseOne('librechat-import-fixtures/chatgpt-citations.json');
    expect(conversation.messages).toHaveLength(1);
    expect(conversation.currentLeafLocalId).toBe(conversation.messages[0]?.localId);
    expect(lastShown(conversation)).toContain('Signal Sciences is a web application security company');
  });

  it('writes image placeholders and leaves hidden tool chatter out', () => {
    const conversation = parseOne('pionxzh-chatgpt-exporter-fixtures/image-generation.json');
    const first = conversation.messages[0];
    expect(first?.role).toBe('user');
    expect(first?.content).toBe('[Image: file_1]\n\nquestion 1');
    expect(conversation.messages.some((m) => m.content.includes('tool text 1'))).toBe(false);
    expect(conversation.messages[1]?.content).toContain('[Image: file_2]');
    expect(conversation.messages[1]?.content).toContain('*Thought for 47s*');
    // Hidden empty answers are not branches: every message has at most one child.
    for (const message of conversation.messages)
      expect(childrenOf(conversation, message.localId).length).toBeLessThanOrEqual(1);
    expect(conversation.currentLeafLocalId).not.toBeNull();
    expect(shownBranch(conversation)).toHaveLength(conversation.messages.length);
  });

  it('shows thinking summaries once and ends on the final answer', () => {
    const conversation = parseOne('pionxzh-chatgpt-exporter-fixtures/thinking-summaries.json');
    expect(conversation.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user', 'assistant']);
    const answer = conversation.messages[1]?.content ?? '';
    expect(answer.match(/summary 1/g)).toHaveLength(1);
    expect(answer).toContain('thought 2');
    expect(answer.endsWith('answer 1')).toBe(true);
    expect(lastShown(conversation).endsWith('answer 2')).toBe(true);
  });

  it('keeps attachments, tool output and the superseded answer of a rich conversation', () => {
    const conversation = parseOne('polylogue-fixtures/chatgpt-native-conversation-v1.json');
    expect(conversation.systemPrompt).toContain('Privacy-safe fixture profile.');
    const user = conversation.messages[0];
    expect(user?.content).toContain('[Image: fixture-input-image]');
    expect(user?.content).toContain('[File: input.txt]');
    expect(childrenOf(conversation, 'user').map((m) => m.content.slice(0, 18))).toEqual([
      'Superseded answer.',
      '> *Thinking*\n>\n> P',
    ]);
    const answer = lastShown(conversation);
    expect(answer).toContain('Privacy-safe tool result.');
    expect(answer).toContain('Final answer. [Download artifact](sandbox:/mnt/data/fixture-result.zip)');
    expect(answer).toContain('[Image: fixture-output-image]');

    const rich = parseOne('polylogue-fixtures/chatgpt-native-rich-blocks-v1.json');
    const reply = lastShown(rich);
    expect(reply).toContain('```\n42\n```');
    expect(reply).toContain('**Weighing options**');
    expect(reply).toContain('[Audio: file-AUDIO]');
  });

  it('gives the same sourceKeys and content when parsed twice, also to conversations without an id', () => {
    // Both conversations of this export lose their ids, so their keys come from their content.
    const withoutIds = (
      JSON.parse(sampleText('librechat-import-fixtures/chatgpt-export.json')) as object[]
    ).map((conversation) => ({ ...conversation, id: undefined, conversation_id: undefined }));
    const files = [
      text('conversations.json', JSON.stringify(withoutIds)),
      sample('librechat-import-fixtures/chatgpt-tree.json'),
    ];
    const first = parseImportFiles(files);
    const second = parseImportFiles(files);
    expect(second.conversations.map((c) => c.sourceKey)).toEqual(first.conversations.map((c) => c.sourceKey));
    expect(second).toEqual(first);
    const keys = first.conversations.map((c) => c.sourceKey);
    expect(keys).toHaveLength(3);
    expect(keys).toContain('chatgpt:d5dc5307-6807-41a0-8b04-4acee626eeb7');
    const fallback = keys.filter((key) => key.startsWith('chatgpt:noid-'));
    expect(fallback).toHaveLength(2);
    for (const key of fallback) expect(key).toMatch(/^chatgpt:noid-[0-9a-f]{16}$/);
    // Two different conversations never share a fallback key.
    expect(new Set(fallback).size).toBe(2);
  });

  it('reports Claude.ai exports as not importable', () => {
    for (const path of [
      'openwebui-importer-examples/claude_example.json',
      'openwebui-importer-examples/claude_thinking_example.json',
      'polylogue-fixtures/claude-ai-with-attachments.json',
    ]) {
      expect(() => parseImportFiles([sample(path)])).toThrow(/Claude\.ai export/);
    }
    failure([sample('polylogue-fixtures/claude-ai-native-rich-blocks-v1.json')]);
  });
});
