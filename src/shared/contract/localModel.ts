import { z } from 'zod';
import { SettingsSchema } from '../schemas';
import { Empty, Ok } from './common';

/**
 * The model that runs on this computer ("On this computer"): the curated list, the models on
 * disk, downloads, and the engine's state. Chat reaches the engine like any endpoint.
 */

export { BUILTIN_BASE_URL } from '../builtinProvider';

/** Where a model on disk came from. */
export const LocalModelSourceSchema = z.enum(['catalog', 'file', 'url']);

/** A model of the curated list. */
export const CatalogModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** "0.5 B" */
  parameters: z.string(),
  /** Download size, bytes (approximate until the server says). */
  sizeBytes: z.number().int().positive(),
  /** Memory needed to run it with its default window, bytes. */
  memoryBytes: z.number().int().positive(),
  /** BCP 47 tags of the languages it is good at, best first. */
  languages: z.array(z.string()),
  licence: z.string(),
  url: z.string(),
  /** The file's SHA-256 when known; without it the GGUF check at the end still applies. */
  sha256: z.string().nullable(),
});

/** A model file Penpal can run. */
export const LocalModelSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: LocalModelSourceSchema,
  sizeBytes: z.number().int().min(0),
  /** The one chat uses when "On this computer" is the provider. */
  selected: z.boolean(),
});

/** What the engine is doing. */
export const EngineStateSchema = z.enum(['stopped', 'starting', 'ready', 'crashed']);

/** A download as settings show it. */
export const DownloadSchema = z.object({
  id: z.string(),
  received: z.number().int().min(0),
  total: z.number().int().min(0).nullable(),
  state: z.enum(['running', 'paused', 'failed']),
  /** Why it failed (paused or done downloads have none). */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
});

/** Everything the settings' "On this computer" section shows. */
export const LocalModelViewSchema = z.object({
  catalog: z.array(CatalogModelSchema),
  models: z.array(LocalModelSchema),
  downloads: z.array(DownloadSchema),
  engine: z.object({
    state: EngineStateSchema,
    /** The crash message, or what the loaded model's window is. */
    message: z.string().nullable(),
    contextWindow: z.number().int().nullable(),
  }),
  /** Minutes without a message before the model is unloaded (0 = keep it loaded). */
  idleMinutes: z.number().int().min(0).max(1440),
  /** Where model files are kept. */
  folder: z.string(),
});

const ModelId = z.string().min(1).max(200);

/** Methods of the local model. */
export const localModelMethods = {
  'localModel.get': { input: Empty, output: LocalModelViewSchema },
  /** Makes "On this computer" the provider, with this model; returns the new settings. */
  'localModel.use': { input: z.object({ id: ModelId }).strict(), output: SettingsSchema },
  /** Adds a GGUF file the user picked or dropped (it stays where it is; checked first). */
  'localModel.addFile': {
    input: z.object({ path: z.string().min(1).max(4096) }).strict(),
    output: LocalModelViewSchema,
  },
  /** Starts or resumes a download: a catalog id, or a Hugging Face file address. */
  'localModel.download': {
    input: z.union([
      z.object({ catalogId: ModelId }).strict(),
      z.object({ url: z.string().min(1).max(2000) }).strict(),
    ]),
    output: LocalModelViewSchema,
  },
  /** Pauses a download; what came so far is kept for a resume. */
  'localModel.pause': { input: z.object({ id: ModelId }).strict(), output: LocalModelViewSchema },
  /** Deletes a downloaded model (a picked file is only forgotten, never deleted). */
  'localModel.delete': { input: z.object({ id: ModelId }).strict(), output: LocalModelViewSchema },
  'localModel.setIdle': {
    input: z.object({ minutes: z.number().int().min(0).max(1440) }).strict(),
    output: LocalModelViewSchema,
  },
  /** Unloads the model now (its memory is freed). */
  'localModel.unload': { input: Empty, output: Ok },
} as const;

/** Events of the local model. */
export const localModelEvents = {
  /** The list, a download's progress or the engine's state changed: ask `localModel.get`. */
  'localModel.changed': z.object({}),
} as const;
