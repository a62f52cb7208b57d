import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it, onTestFinished } from 'vitest';
import { AppError } from '../../shared/errors';
import { openConversationStore } from '../store';
import { memoryStore, tempLibrary } from '../store/testing/fixtures';
import { builtInPersonas } from './builtIns';
import { preparePersonas } from './preparePersonas';
import { personaFields } from './testing';

describe('persona store', () => {
  it('creates, lists, updates and reads back every field', () => {
    const { personas } = memoryStore();
    const created = personas.create(personaFields({ name: '  Ada  ' }));
    expect(created).toMatchObject({ ...personaFields({ name: 'Ada' }), builtIn: null });
    expect(personas.list()).toEqual({ personas: [created], damaged: [] });

    const updated = personas.update(created.id, { systemPrompt: 'New prompt', stop: ['\nUSER:'] });
    expect(updated).toMatchObject({ name: 'Ada', systemPrompt: 'New prompt', stop: ['\nUSER:'] });
    expect(updated.updatedAt > created.updatedAt).toBe(true);
    expect(personas.get(created.id)).toEqual(updated);
  });

  it('refuses an update that makes the persona invalid, keeping what was saved', () => {
    const { personas } = memoryStore();
    const created = personas.create(personaFields());
    expect(() => personas.update(created.id, { temperature: 5 })).toThrow(/temperature/);
    expect(() => personas.update('missing', { name: 'x' })).toThrow(AppError);
    expect(personas.get(created.id)).toEqual(created);
  });

  it('soft-deletes to the Trash and restores', () => {
    const { personas } = memoryStore();
    const a = personas.create(personaFields({ name: 'A' }));
    const b = personas.create(personaFields({ name: 'B' }));
    personas.delete(a.id);
    expect(personas.list().personas.map((p) => p.name)).toEqual(['B']);
    expect(personas.get(a.id)).toBeNull();
    expect(() => personas.delete(a.id)).toThrow(/No persona/);
    expect(() => personas.update(a.id, { name: 'x' })).toThrow(/No persona/);

    expect(personas.restore(a.id)).toEqual(a);
    expect(personas.list().personas.map((p) => p.name)).toEqual(['A', 'B']);
    expect(() => personas.restore(b.id)).toThrow(/No persona/);
  });

  it('skips and reports a damaged row instead of throwing', () => {
    const { path } = tempLibrary(onTestFinished);
    const { store } = openConversationStore({ path });
    const good = store.personas.create(personaFields({ name: 'Good' }));
    const bad = store.personas.create(personaFields({ name: 'Bad' }));
    const broken = store.personas.create(personaFields({ name: 'Broken' }));
    store.close();

    // Damage two rows behind the store's back: one no longer valid, one not JSON at all.
    const db = new DatabaseSync(path);
    db.prepare('UPDATE personas SET fields_json = ? WHERE id = ?').run(
      JSON.stringify({ ...personaFields(), temperature: 'hot' }),
      bad.id,
    );
    db.prepare("UPDATE personas SET fields_json = '{not json' WHERE id = ?").run(broken.id);
    db.close();

    const reopened = openConversationStore({ path }).store;
    onTestFinished(() => reopened.close());
    const { personas, damaged } = reopened.personas.list();
    expect(personas.map((p) => p.id)).toEqual([good.id]);
    expect(damaged).toEqual([
      { id: bad.id, problem: expect.stringContaining('temperature') },
      { id: broken.id, problem: 'fields are not JSON' },
    ]);
    // The builder's safe fallback: a damaged persona reads as none.
    expect(reopened.personas.get(bad.id)).toBeNull();
    expect(() => reopened.personas.update(bad.id, { name: 'x' })).toThrow(/damaged/);
    // And the user is told at start.
    const notices = preparePersonas(reopened, { uiLanguage: 'en', systemLanguage: 'en', databasePath: path });
    expect(notices).toEqual([
      { kind: 'personas_damaged', message: expect.stringContaining('2 stored persona(s)'), path },
    ]);
  });

  it('gives a conversation a persona and takes it away; refuses a persona in the Trash', () => {
    const store = memoryStore();
    const persona = store.personas.create(personaFields());
    const conversation = store.createConversation({ title: 't' });
    expect(store.personas.setForConversation(conversation.id, persona.id).personaId).toBe(persona.id);
    expect(store.getConversation(conversation.id).personaId).toBe(persona.id);
    expect(store.personas.setForConversation(conversation.id, null).personaId).toBeNull();
    store.personas.delete(persona.id);
    expect(() => store.personas.setForConversation(conversation.id, persona.id)).toThrow(/No persona/);
    expect(() => store.personas.setForConversation('nope', null)).toThrow(/No conversation/);
  });
});

describe('built-in personas', () => {
  it('are seeded once, in the UI language, and a deleted one does not come back', () => {
    const { path } = tempLibrary(onTestFinished);
    const first = openConversationStore({ path }).store;
    preparePersonas(first, { uiLanguage: 'system', systemLanguage: 'zh-CN', databasePath: path });
    const seeded = first.personas.list().personas;
    expect(seeded.map((p) => [p.builtIn, p.name])).toEqual([
      ['assistant', '助手'],
      ['skippy', '斯基皮'],
      ['journal', '日记伙伴'],
      ['support', '客服专员'],
    ]);
    // Editable copies.
    first.personas.update(seeded[1].id, { name: 'Skippy the Magnificent' });
    first.personas.delete(seeded[3].id);
    first.close();

    const again = openConversationStore({ path }).store;
    onTestFinished(() => again.close());
    preparePersonas(again, { uiLanguage: 'en', systemLanguage: 'en', databasePath: path });
    expect(again.personas.list().personas.map((p) => p.name)).toEqual([
      '助手',
      'Skippy the Magnificent',
      '日记伙伴',
    ]);
  });

  it('are valid personas in both languages, with the Skippy template and the journal disclaimer', () => {
    for (const language of ['en', 'zh-CN'] as const) {
      const store = memoryStore();
      expect(store.personas.seedOnce(builtInPersonas(language))).toBe(4);
      const [, skippy, journal, support] = store.personas.list().personas;
      expect(skippy.template?.assistantLabel).toBe(language === 'en' ? 'SKIPPY' : '斯基皮');
      expect(skippy.examples.length).toBeGreaterThan(0);
      expect(journal.systemPrompt).toMatch(language === 'en' ? /not a therapist/ : /不是心理治疗师/);
      expect(support.systemPrompt).toMatch(language === 'en' ? /POLICY/ : /政策/);
    }
  });
});
