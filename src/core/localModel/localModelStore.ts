import { z } from 'zod';
import { LocalModelSourceSchema } from '../../shared/contract/localModel';
import type { KeyValueStore } from '../ports';

/** The `localModel` entry of the settings file: model files, the one in use, the idle unload. */

const StoredFileSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  path: z.string().min(1),
  source: LocalModelSourceSchema,
  sizeBytes: z.number().int().min(0),
});

/** One model file Penpal knows. */
export type StoredModelFile = z.infer<typeof StoredFileSchema>;

const StoredSchema = z.object({
  selected: z.string().nullable().catch(null),
  idleMinutes: z.number().int().min(0).max(1440).catch(10),
  files: z.array(z.unknown()).catch([]),
});

/** What is kept. */
export interface StoredLocalModels {
  selected: string | null;
  idleMinutes: number;
  files: StoredModelFile[];
}

/** The default idle time before the model is unloaded. */
export const DEFAULT_IDLE_MINUTES = 10;

/** Reads the entry, repairing a damaged field on its own (a bad file entry is dropped, not the rest). */
export function readLocalModels(store: KeyValueStore): StoredLocalModels {
  const parsed = StoredSchema.safeParse(store.get('localModel') ?? {});
  if (!parsed.success) return { selected: null, idleMinutes: DEFAULT_IDLE_MINUTES, files: [] };
  const files = parsed.data.files.flatMap((entry) => {
    const file = StoredFileSchema.safeParse(entry);
    return file.success ? [file.data] : [];
  });
  return { selected: parsed.data.selected, idleMinutes: parsed.data.idleMinutes, files };
}

/** Changes the entry. */
export function updateLocalModels(
  store: KeyValueStore,
  change: (current: StoredLocalModels) => StoredLocalModels,
): StoredLocalModels {
  const next = change(readLocalModels(store));
  store.set('localModel', next);
  return next;
}

/** An id for a new file: its name without `.gguf`, made unique among the known ones. */
export function uniqueModelId(name: string, taken: readonly StoredModelFile[]): string {
  const base =
    name
      .replace(/\.gguf$/i, '')
      .replace(/[^\w.-]+/g, '-')
      .slice(0, 120) || 'model';
  let id = base;
  for (let n = 2; taken.some((file) => file.id === id); n++) id = `${base}-${n}`;
  return id;
}
