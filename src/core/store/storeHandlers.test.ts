import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/contract';
import { createEventBus } from '../events';
import { conversationHandlers } from '../handlers/conversationHandlers';
import { libraryHandlers } from '../handlers/libraryHandlers';
import { backupToJson } from '../importers';
import { parseInProcess } from '../importers/parser';
import { importedConversations, memoryStore } from './testing/fixtures';

/** The handlers over a fresh store, with every event they emit recorded in order. */
function setup() {
  const store = memoryStore();
  const events = createEventBus();
  const seen: AnyEvent[] = [];
  events.subscribe((event) => seen.push(event));
  const handlers = {
    ...conversationHandlers(store, events),
    ...libraryHandlers(store, events, () => new Date('2024-05-01T00:00:00Z'), parseInProcess),
  };
  return { store, handlers, seen };
}

/** A Penpal backup of `count` conversations, as the renderer would send it. */
function backupFile(count: number): { name: string; base64: string } {
  const source = memoryStore();
  source.importConversations(importedConversations(count, 6));
  const json = backupToJson(source.exportAll());
  return { name: 'penpal-backup.json', base64: Buffer.from(json).toString('base64') };
}

describe('handlers for undo and import', () => {
  it('message.restore undoes message.delete and announces both', async () => {
    const { store, handlers, seen } = setup();
    const conversation = store.createConversation({ title: 't' });
    const question = store.addMessage({
      conversationId: conversation.id,
      parentId: null,
      role: 'user',
      content: 'q',
      status: 'done',
    });
    store.addMessage({
      conversationId: conversation.id,
      parentId: question.id,
      role: 'assistant',
      content: 'a',
      status: 'done',
    });
    expect((await handlers['message.delete']({ id: question.id })).messages).toEqual([]);
    seen.length = 0;
    const view = await handlers['message.restore']({ id: question.id });
    expect(view.messages.map((m) => m.content)).toEqual(['q', 'a']);
    expect(seen.map((event) => event.name)).toEqual(['conversation.changed', 'library.changed']);
  });

  it('library.import sends saving progress and serves other requests before it finishes', async () => {
    const { handlers, seen } = setup();
    const file = backupFile(1500);
    let finished = false;
    const running = handlers['library.import']({ files: [file] }).then((report) => {
      finished = true;
      return report;
    });
    // Another request, made once the import is under way, is answered before the import ends.
    while (!seen.some((event) => event.name === 'import.progress' && event.payload.phase === 'saving')) {
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    const list = await handlers['conversation.list']({ view: 'active' });
    expect(finished).toBe(false);
    expect(list).toEqual([]);

    const report = await running;
    expect(report).toMatchObject({ source: 'penpal-backup', conversationsAdded: 1500, messagesAdded: 9000 });
    const saving = seen.flatMap((event) =>
      event.name === 'import.progress' && event.payload.phase === 'saving' ? [event.payload] : [],
    );
    expect(saving[0]).toEqual({ phase: 'saving', done: 0, total: 1500 });
    expect(saving.length).toBeGreaterThan(2);
    expect(saving.at(-1)).toEqual({ phase: 'saving', done: 1500, total: 1500 });
    const phases = seen.flatMap((event) => (event.name === 'import.progress' ? [event.payload.phase] : []));
    expect([...new Set(phases)]).toEqual(['reading', 'parsing', 'saving']);
    expect(seen.at(-1)?.name).toBe('library.changed');
    expect(await handlers['conversation.list']({ view: 'active' })).toHaveLength(1500);
  });

  it('refuses a second library.import while one runs', async () => {
    const { handlers } = setup();
    const file = backupFile(800);
    const first = handlers['library.import']({ files: [file] });
    await expect(handlers['library.import']({ files: [file] })).rejects.toMatchObject({ code: 'busy' });
    expect((await first).conversationsAdded).toBe(800);
  });
});
