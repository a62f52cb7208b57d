import { z } from 'zod';

/** What the provider part of the contract exchanges: kinds, saved providers, their capabilities. */

/**
 * The kinds of provider. `builtin` is kept open for a model running inside Penpal itself
 * ("On this computer"), which has no address of its own to bind a key to.
 */
export const ProviderKindSchema = z.enum([
  'openai',
  'ollama',
  'lmstudio',
  'llamacpp',
  'vllm',
  'jan',
  'custom',
  'builtin',
]);
export type ProviderKind = z.infer<typeof ProviderKindSchema>;

/** The local servers detection knows, by their default loopback port. */
export const LocalServerKindSchema = z.enum(['ollama', 'lmstudio', 'llamacpp', 'vllm', 'jan']);

/** The proxy as the settings show it: the URL never carries the password. */
export const ProxyViewSchema = z.object({
  /** `http://user@host:port`, `socks5://…`; '' = the system proxy. */
  url: z.string(),
  bypass: z.string(),
  /** A password is saved (encrypted) for this proxy. */
  hasPassword: z.boolean(),
});

/** A local model server found on its default loopback port. */
export const DetectedServerSchema = z.object({
  kind: LocalServerKindSchema,
  name: z.string(),
  /** `localhost:11434` */
  address: z.string(),
  baseURL: z.string(),
  models: z.array(z.string()),
});

/** What a provider's server was found to support by "Check"; null = could not tell. */
export const ProviderCapabilitiesSchema = z.object({
  checkedAt: z.string(),
  models: z.array(z.string()),
  /** A streamed answer ends with a usage chunk. */
  streamingUsage: z.boolean().nullable(),
  /** `POST /v1/completions` answers (text-template personas need it). */
  completions: z.boolean().nullable(),
  /** The default model's context window, when `/v1/models` reports one. */
  contextLength: z.number().int().positive().nullable(),
});
export type ProviderCapabilities = z.infer<typeof ProviderCapabilitiesSchema>;

/** Which key a provider's requests carry; the key itself never leaves main. */
export const ProviderKeySourceSchema = z.enum([
  /** Its own key, bound to its own origin. */
  'own',
  /** The key of the Connection settings, which is bound to this provider's origin. */
  'settings',
  /** A local server added without a key: a placeholder is sent. */
  'keyless',
  /** No key may go there yet. */
  'none',
]);

/** A saved endpoint as the settings list it (never its key). */
export const ProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: ProviderKindSchema,
  baseURL: z.string(),
  defaultModel: z.string(),
  keyless: z.boolean(),
  /** The provider chat uses where nothing else is chosen (new conversations, quick chat). */
  inUse: z.boolean(),
  key: z.object({
    source: ProviderKeySourceSchema,
    /** The last four characters of the key that goes there, for "…abcd". */
    last4: z.string().nullable(),
    /** Its own key is bound to another origin (the address was edited): it must be typed again. */
    stale: z.boolean(),
  }),
  capabilities: ProviderCapabilitiesSchema.nullable(),
  /** How many conversations (not in the Trash) chose this provider. */
  conversations: z.number().int().min(0),
});
export type Provider = z.infer<typeof ProviderSchema>;

/** The providers and what a change did. */
export const ProviderListSchema = z.object({ providers: z.array(ProviderSchema) });

/** The fields "Add provider" and "Edit" send. */
export const ProviderFieldsSchema = z
  .object({
    name: z.string().trim().min(1).max(100),
    baseURL: z.string().trim().min(1).max(2000),
    defaultModel: z.string().trim().max(200),
  })
  .strict();

/** A provider's own key, bound to its address's origin. */
export const ProviderKeyInputSchema = z
  .object({
    key: z.string().trim().min(1).max(1000),
    /** The user agreed to send it over plain http to a public address. */
    allowPlainHttp: z.boolean().optional(),
  })
  .strict();
