import { describe, expect, it } from 'vitest';
import type { AnyEvent } from '../../shared/contract';
import { createEventBus } from '../events';
import { conversationHandlers } from '../handlers/conversationHandlers';
import { personaHandlers } from '../handlers/personaHandlers';
import { memoryStore } from '../store/testing/fixtures';
import { personaFields } from './testing';

function setup() {
  const store = memoryStore();
  const events = createEventBus();
  const seen: string[] = [];
  events.subscribe((event: AnyEvent) => seen.push(event.name));
  return {
    store,
    seen,
    handlers: { ...conversationHandlers(store, events), ...personaHandlers(store, events) },
  };
}

describe('persona handlers', () => {
  it('starts a conversation with the persona and its opening message, as a finished assistant message', async () => {
    const { store, handlers, seen } = setup();
    const persona = await handlers['persona.create'](
      personaFields({ openingMessage: '  Hello, diary friend.  ' }),
    );
    expect(seen).toEqual(['personas.changed']);
    const conversation = await handlers['conversation.create']({ personaId: persona.id });
    expect(conversation).toMatchObject({ personaId: persona.id, messageCount: 1 });
    const page = store.getPage(conversation.id);
    expect(page.messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['assistant', 'Hello, diary friend.', 'done'],
    ]);

    const silent = await handlers['persona.create'](personaFields({ openingMessage: '' }));
    const plain = await handlers['conversation.create']({ personaId: silent.id, title: 'Quiet' });
    expect(plain).toMatchObject({ personaId: silent.id, messageCount: 0, title: 'Quiet' });
    expect((await handlers['conversation.create']({})).personaId).toBeNull();

    await handlers['persona.delete']({ id: silent.id });
    await expect(handlers['conversation.create']({ personaId: silent.id })).rejects.toThrow(/No persona/);
  });

  it('exports one or all personas and imports them back as new copies', async () => {
    const { handlers } = setup();
    const a = await handlers['persona.create'](
      personaFields({ name: 'Ada / Lovelace', avatar: 'data:image/png;base64,AAAA' }),
    );
    await handlers['persona.create'](
      personaFields({
        name: '斯基皮',
        promptFormat: 'completion',
        template: { instruction: 'Hi', userLabel: '用户', assistantLabel: '斯基皮' },
      }),
    );

    const one = await handlers['persona.export']({ id: a.id });
    expect(one).toMatchObject({ filename: 'Ada Lovelace.persona.json', mimeType: 'application/json' });
    const all = await handlers['persona.export']({});
    expect(JSON.parse(all.content)).toMatchObject({ format: 'penpal-personas', version: 1 });
    expect(JSON.parse(all.content).personas[0]).not.toHaveProperty('id');

    const other = setup();
    const { added } = await other.handlers['persona.import']({ name: all.filename, text: all.content });
    const before = await handlers['persona.list']({});
    const strip = ({ id: _i, createdAt: _c, updatedAt: _u, ...rest }: (typeof added)[number]) => rest;
    expect(added.map(strip)).toEqual(before.map(strip));
    expect(other.seen).toEqual(['personas.changed']);
  });

  it('refuses a file that is not a persona file, naming it, and imports nothing', async () => {
    const { handlers } = setup();
    const cases: [string, string, RegExp][] = [
      ['notes.txt', 'Dear diary', /“notes\.txt” is not a persona file: it is not JSON/],
      [
        'backup.json',
        JSON.stringify({ format: 'penpal-backup', conversations: [] }),
        /“backup\.json” is not a persona file/,
      ],
      [
        'future.json',
        JSON.stringify({ format: 'penpal-personas', version: 9, personas: [] }),
        /newer version of Penpal/,
      ],
      [
        'empty.json',
        JSON.stringify({ format: 'penpal-personas', version: 1, personas: [] }),
        /contains no personas/,
      ],
      [
        'half.json',
        JSON.stringify({
          format: 'penpal-personas',
          version: 1,
          personas: [personaFields(), { ...personaFields({ name: 'Zed' }), temperature: 9 }],
        }),
        /persona 2 \(“Zed”\) is not valid — temperature.*Nothing was imported/,
      ],
    ];
    for (const [name, text, message] of cases) {
      const refusal = handlers['persona.import']({ name, text });
      await expect(refusal).rejects.toMatchObject({ code: 'invalid_input' });
      await expect(refusal).rejects.toThrow(message);
    }
    expect(await handlers['persona.list']({})).toEqual([]);
  });

  it('sets and clears a conversation persona, announcing the change', async () => {
    const { handlers, seen } = setup();
    const persona = await handlers['persona.create'](personaFields());
    const conversation = await handlers['conversation.create']({});
    seen.length = 0;
    expect(
      (await handlers['conversation.setPersona']({ id: conversation.id, personaId: persona.id })).personaId,
    ).toBe(persona.id);
    expect(seen).toEqual(['conversation.changed', 'library.changed']);
    expect(
      (await handlers['conversation.setPersona']({ id: conversation.id, personaId: null })).personaId,
    ).toBeNull();
  });
});
