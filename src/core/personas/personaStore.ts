import { randomUUID } from 'node:crypto';
import { PersonaFieldsSchema, type Persona, type PersonaFields } from '../../shared/contextSchemas';
import { AppError } from '../../shared/errors';
import type { Conversation } from '../../shared/schemas';
import { notFound, read, writeTransaction, type StoreContext } from '../store/context';
import { loadConversation } from '../store/conversations';
import { toConversation, type Row } from '../store/rows';

/** A stored persona whose fields no longer pass the schema: left out of every list, never thrown on. */
export interface DamagedPersona {
  id: string;
  /** What is wrong, in English (the first schema issue, or "not JSON"). */
  problem: string;
}

/** Personas in the library, over the same database and context as the conversations. */
export interface PersonaStore {
  /** Personas not in the Trash, oldest first; rows that fail validation are skipped and listed in `damaged`. */
  list(): { personas: Persona[]; damaged: DamagedPersona[] };
  /** One persona not in the Trash, or null when it is missing, deleted or damaged (the safe fallback: none). */
  get(id: string): Persona | null;
  create(fields: PersonaFields): Persona;
  /** Changes some fields; the result is validated whole. `not_found` for a missing or deleted persona. */
  update(id: string, patch: Partial<PersonaFields>): Persona;
  /** Moves to the Trash (kept for `restore`). */
  delete(id: string): void;
  restore(id: string): Persona;
  /** Adds every persona in one transaction (all or nothing). */
  addAll(list: PersonaFields[]): Persona[];
  /**
   * Adds the built-ins if this library has never had a persona (deleted ones count: rows are only
   * soft-deleted, so a built-in the user removed does not come back). Returns how many were added.
   */
  seedOnce(builtIns: { key: string; fields: PersonaFields }[]): number;
  /**
   * Gives a conversation a persona (or none with null); `not_found` for a missing conversation or
   * a persona missing or in the Trash. The conversation's place in the list is left alone.
   */
  setForConversation(conversationId: string, personaId: string | null): Conversation;
}

const COLUMNS = 'id, built_in, fields_json, created_at, updated_at';

/** The persona store over an open store context (one connection, one statement cache). */
export function createPersonaStore(ctx: StoreContext): PersonaStore {
  const insert = (fields: PersonaFields, builtIn: string | null): string => {
    const id = randomUUID();
    const now = ctx.now();
    ctx
      .sql('INSERT INTO personas (id, built_in, fields_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?)')
      .run(id, builtIn, JSON.stringify(PersonaFieldsSchema.parse(fields)), now, now);
    return id;
  };
  // Reads a row that must be valid (just written, or asked for by id): damage is `not_found`-like.
  const load = (id: string, deleted: boolean): Persona => {
    const row = ctx
      .sql(`SELECT ${COLUMNS} FROM personas WHERE id = ? AND deleted_at IS ${deleted ? 'NOT NULL' : 'NULL'}`)
      .get(id);
    if (!row) throw new AppError('not_found', `No persona with id ${id}.`);
    const parsed = toPersona(row);
    if ('problem' in parsed) {
      throw new AppError(
        'invalid_input',
        `The persona ${id} is damaged and cannot be used (${parsed.problem}).`,
      );
    }
    return parsed;
  };

  return {
    list: () =>
      read(ctx, () => {
        const personas: Persona[] = [];
        const damaged: DamagedPersona[] = [];
        for (const row of ctx
          .sql(`SELECT ${COLUMNS} FROM personas WHERE deleted_at IS NULL ORDER BY seq`)
          .all()) {
          const parsed = toPersona(row);
          if ('problem' in parsed) damaged.push(parsed);
          else personas.push(parsed);
        }
        return { personas, damaged };
      }),
    get: (id) =>
      read(ctx, () => {
        const row = ctx.sql(`SELECT ${COLUMNS} FROM personas WHERE id = ? AND deleted_at IS NULL`).get(id);
        if (!row) return null;
        const parsed = toPersona(row);
        return 'problem' in parsed ? null : parsed;
      }),
    create: (fields) => writeTransaction(ctx, () => load(insert(fields, null), false)),
    update: (id, patch) =>
      writeTransaction(ctx, () => {
        const current = load(id, false);
        const merged = PersonaFieldsSchema.safeParse({ ...fieldsOf(current), ...patch });
        if (!merged.success) {
          throw new AppError('invalid_input', `The persona cannot be saved: ${firstIssue(merged.error)}`);
        }
        ctx
          .sql('UPDATE personas SET fields_json = ?, updated_at = ? WHERE id = ?')
          .run(JSON.stringify(merged.data), ctx.now(), id);
        return load(id, false);
      }),
    delete: (id) =>
      writeTransaction(ctx, () => {
        const { changes } = ctx
          .sql('UPDATE personas SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
          .run(ctx.now(), id);
        if (Number(changes) === 0) throw new AppError('not_found', `No persona with id ${id}.`);
      }),
    restore: (id) =>
      writeTransaction(ctx, () => {
        load(id, true);
        ctx.sql('UPDATE personas SET deleted_at = NULL WHERE id = ?').run(id);
        return load(id, false);
      }),
    addAll: (list) =>
      writeTransaction(ctx, () => list.map((fields) => insert(fields, null)).map((id) => load(id, false))),
    seedOnce: (builtIns) =>
      writeTransaction(ctx, () => {
        if (ctx.sql('SELECT 1 FROM personas LIMIT 1').get()) return 0;
        for (const { key, fields } of builtIns) insert(fields, key);
        return builtIns.length;
      }),
    setForConversation: (conversationId, personaId) =>
      writeTransaction(ctx, () => {
        if (personaId !== null) load(personaId, false);
        const { changes } = ctx
          .sql('UPDATE conversations SET persona_id = ? WHERE id = ? AND import_id IS NULL')
          .run(personaId, conversationId);
        if (Number(changes) === 0) throw notFound('conversation', conversationId);
        return toConversation(loadConversation(ctx, conversationId));
      }),
  };
}

/** The editable fields of a persona (what export writes and update merges over). */
export function fieldsOf(persona: Persona): PersonaFields {
  const { id: _id, builtIn: _builtIn, createdAt: _createdAt, updatedAt: _updatedAt, ...fields } = persona;
  return fields;
}

/** The first problem zod found, as a short English phrase naming the field. */
export function firstIssue(error: { issues: { path: PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid';
  const where = issue.path.map(String).join('.');
  return where ? `${where}: ${issue.message}` : issue.message;
}

// Every read validates fields_json with the contract's schema: a row written by an older build,
// or damaged on disk, is reported instead of reaching the builder with the wrong shape.
function toPersona(row: Row): Persona | DamagedPersona {
  const id = String(row.id);
  let json: unknown;
  try {
    json = JSON.parse(String(row.fields_json));
  } catch {
    return { id, problem: 'fields are not JSON' };
  }
  const fields = PersonaFieldsSchema.safeParse(json);
  if (!fields.success) return { id, problem: firstIssue(fields.error) };
  return {
    ...fields.data,
    id,
    builtIn: row.built_in === null ? null : String(row.built_in),
    createdAt: String(row.created_at),
    updatedAt: String(row.updated_at),
  };
}
