import { z } from 'zod';
import { PersonaFieldsSchema, type Persona, type PersonaFields } from '../../shared/contextSchemas';
import { AppError } from '../../shared/errors';
import type { ExportFile } from '../../shared/schemas';
import { safeFileName } from '../handlers/conversationHandlers';
import { fieldsOf, firstIssue } from './personaStore';

/** The `format` tag of a persona file, so any other JSON is recognised as not one. */
export const PERSONA_FILE_FORMAT = 'penpal-personas';
/** The file layout version this build writes and reads. */
export const PERSONA_FILE_VERSION = 1;

const FileHeaderSchema = z.object({ format: z.literal(PERSONA_FILE_FORMAT), version: z.number().int() });
const FileBodySchema = z.object({ personas: z.array(z.unknown()).max(1000) });

/** One persona, or all of them, as the JSON file `persona.import` reads back. */
export function personaFile(personas: Persona[], single: boolean): ExportFile {
  const body = {
    format: PERSONA_FILE_FORMAT,
    version: PERSONA_FILE_VERSION,
    personas: personas.map(fieldsOf),
  };
  const base = single && personas[0] ? safeFileName(personas[0].name) : 'penpal-personas';
  return {
    filename: single ? `${base}.persona.json` : `${base}.json`,
    mimeType: 'application/json',
    content: `${JSON.stringify(body, null, 2)}\n`,
  };
}

/**
 * The personas of a file made by `personaFile`. Anything else (not JSON, another JSON document,
 * a newer layout, a persona with a bad field) is refused whole with `invalid_input` and a message
 * naming the file and what is wrong, so nothing is half-imported.
 */
export function readPersonaFile(name: string, text: string): PersonaFields[] {
  const file = `“${name.slice(0, 200) || 'the file'}”`;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('invalid_input', `${file} is not a persona file: it is not JSON.`);
  }
  const header = FileHeaderSchema.safeParse(json);
  if (!header.success) {
    throw new AppError(
      'invalid_input',
      `${file} is not a persona file: Penpal reads the JSON files it exports from the persona library.`,
    );
  }
  if (header.data.version > PERSONA_FILE_VERSION) {
    throw new AppError(
      'invalid_input',
      `${file} was made by a newer version of Penpal (persona file version ${header.data.version}); update Penpal to import it.`,
    );
  }
  const body = FileBodySchema.safeParse(json);
  if (!body.success)
    throw new AppError('invalid_input', `${file} is not a persona file: it has no list of personas.`);
  if (body.data.personas.length === 0) throw new AppError('invalid_input', `${file} contains no personas.`);
  return body.data.personas.map((entry, index) => {
    const parsed = PersonaFieldsSchema.safeParse(entry);
    if (parsed.success) return parsed.data;
    const label = nameOf(entry);
    throw new AppError(
      'invalid_input',
      `${file}: persona ${index + 1}${label ? ` (“${label}”)` : ''} is not valid — ${firstIssue(parsed.error)}. Nothing was imported.`,
    );
  });
}

function nameOf(entry: unknown): string {
  if (typeof entry === 'object' && entry !== null && 'name' in entry && typeof entry.name === 'string') {
    return entry.name.slice(0, 80);
  }
  return '';
}
