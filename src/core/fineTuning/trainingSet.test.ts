import { describe, expect, it } from 'vitest';
import { personaFields } from '../personas/testing';
import { chat, memoryStore } from '../store/testing/fixtures';
import { TrainingSet } from './trainingSet';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('the training set', () => {
  it("makes one example of a conversation's shown branch, after its persona's system prompt", () => {
    const store = memoryStore();
    const { conversation, u2 } = chat(store);
    // Another version of the last answer: the shown branch is the newest one.
    const failed = store.addMessage({
      conversationId: conversation.id,
      parentId: u2.id,
      role: 'assistant',
      content: '',
      status: 'error',
    });
    const persona = store.personas.create(personaFields({ systemPrompt: 'You are Skippy.' }));
    store.personas.setForConversation(conversation.id, persona.id);
    const set = new TrainingSet(store);
    expect(set.addConversations([conversation.id])).toBe(1);
    const [example] = set.list();
    expect(example).toMatchObject({ source: 'conversation', label: 'tree', conversationId: conversation.id });
    expect(example.messages.map((message) => [message.role, message.content, message.excluded])).toEqual([
      ['system', 'You are Skippy.', false],
      ['user', 'question one', false],
      ['assistant', 'answer one', false],
      ['user', 'question two', false],
      // The failed answer is kept, but starts out excluded.
      ['assistant', '', true],
    ]);
    expect(failed.status).toBe('error');
  });

  it('keeps exclusions and weights the user sets, and they shape the exported line', () => {
    const store = memoryStore();
    const { conversation } = chat(store);
    const set = new TrainingSet(store);
    set.addConversations([conversation.id]);
    const id = set.list()[0].id;
    set.updateMessage({ exampleId: id, index: 1, weight: 0 });
    set.updateMessage({ exampleId: id, index: 2, excluded: true });
    set.updateMessage({ exampleId: id, index: 3, excluded: true });
    const line = JSON.parse(set.jsonlFiles(0).train.trim()) as { messages: unknown[] };
    expect(line.messages).toEqual([
      { role: 'user', content: 'question one' },
      { role: 'assistant', content: 'answer one', weight: 0 },
    ]);
    expect(() => set.updateMessage({ exampleId: id, index: 9, excluded: true })).toThrow(/no such message/);
  });

  it('imports JSONL lines, keeping a line that does not parse so the check lists it', async () => {
    const store = memoryStore();
    const set = new TrainingSet(store);
    const file =
      '{"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello","weight":0}]}\n\n' +
      '{"messages": [broken\n';
    expect(set.importFile('old.jsonl', bytes(file))).toEqual({ added: 2, skipped: [] });
    const [first, second] = set.list();
    expect(first).toMatchObject({ label: 'old.jsonl:1', raw: null });
    expect(first.messages[1]).toMatchObject({ role: 'assistant', weight: 0 });
    expect(second).toMatchObject({ label: 'old.jsonl:3', raw: '{"messages": [broken' });
    const report = await set.check({ model: 'gpt-4o-mini', epochs: 3 });
    expect(report.issues.find((issue) => issue.code === 'unparsable')?.examples).toEqual(['old.jsonl:3']);
  });

  it('refuses a file that is neither CSV nor JSONL, or has nothing in it, and adds nothing', () => {
    const store = memoryStore();
    const set = new TrainingSet(store);
    expect(() => set.importFile('notes.docx', bytes('x'))).toThrow(/not a CSV or JSONL/);
    expect(() => set.importFile('empty.csv', bytes('question,answer\n'))).toThrow(/no examples/);
    expect(set.list()).toEqual([]);
  });

  it('exports a training and a validation file when a share is held out', () => {
    const store = memoryStore();
    const set = new TrainingSet(store);
    const rows = Array.from({ length: 10 }, (_, index) => `q${index},a${index}`).join('\n');
    set.importFile('pairs.csv', bytes(rows));
    const files = set.exportFiles(20);
    expect(files.map((file) => file.filename)).toEqual(['penpal-training.jsonl', 'penpal-validation.jsonl']);
    expect(files[0].content.trim().split('\n')).toHaveLength(8);
    expect(files[1].content.trim().split('\n')).toHaveLength(2);
  });
});
