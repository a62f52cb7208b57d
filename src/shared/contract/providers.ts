import { z } from 'zod';
import { ConversationSchema, Id, SettingsSchema } from '../schemas';
import { Empty } from './common';
import {
  DetectedServerSchema,
  ProviderCapabilitiesSchema,
  ProviderFieldsSchema,
  ProviderKeyInputSchema,
  ProviderListSchema,
  ProxyViewSchema,
} from './providerSchemas';

export * from './providerSchemas';

/** A provider's id as saved (`default`, `127-0-0-1-11434-v1`…). */
const ProviderId = z.string().min(1).max(100);

/**
 * Providers and the network: the saved endpoints (each with its own key, bound to its own origin),
 * the one chat uses by default, the one each conversation uses, the proxy, and local servers.
 */
export const providersMethods = {
  'proxy.get': { input: Empty, output: ProxyViewSchema },
  /**
   * Saves the "Proxy" field (`http://user:pass@host:port`, `socks5://…`, '' = system) and
   * "Bypass". The password is split out and stored encrypted, like the API key.
   */
  'proxy.set': {
    input: z.object({ url: z.string().max(2000), bypass: z.string().max(2000).optional() }).strict(),
    output: ProxyViewSchema,
  },
  /** Looks for Ollama, LM Studio, llama.cpp, vLLM and Jan on their default ports of 127.0.0.1 only. */
  'provider.detect': {
    input: Empty,
    output: z.object({ servers: z.array(DetectedServerSchema) }),
  },
  /**
   * Makes a local server (loopback only) the endpoint chat uses, with `model`; it needs no key:
   * a placeholder is sent there, never the saved key. Returns the new settings.
   */
  'provider.addLocal': {
    input: z
      .object({
        baseURL: z.string().max(2000),
        model: z.string().max(200).optional(),
        name: z.string().max(100).optional(),
      })
      .strict(),
    output: SettingsSchema,
  },
  /** The saved providers; `inUse` marks the one whose address chat uses by default. */
  'provider.list': { input: Empty, output: ProviderListSchema },
  /** Makes a saved provider the default endpoint (its address and default model). */
  'provider.use': {
    input: z.object({ id: ProviderId }).strict(),
    output: SettingsSchema,
  },
  /**
   * "Add provider": any OpenAI-compatible address, with its own key (bound to that address's
   * origin, never sent anywhere else). Does not change the provider in use.
   */
  'provider.add': {
    input: ProviderFieldsSchema.extend({ key: ProviderKeyInputSchema.optional() }).strict(),
    output: ProviderListSchema.extend({ id: ProviderId }),
  },
  /** Edits a provider's name, address or default model; a key stays bound to its old origin. */
  'provider.update': {
    input: ProviderFieldsSchema.partial().extend({ id: ProviderId }).strict(),
    output: ProviderListSchema,
  },
  /**
   * Removes a provider. Its conversations keep their choice and answer with the provider in use
   * until it is added again; removing the one in use makes `switchedTo` the default. The last
   * provider cannot be removed.
   */
  'provider.remove': {
    input: z.object({ id: ProviderId }).strict(),
    output: ProviderListSchema.extend({
      switchedTo: ProviderId.nullable(),
      conversations: z.number().int().min(0),
    }),
  },
  /** Undo of `provider.remove`: the provider comes back with its id, key and capabilities. */
  'provider.restore': {
    input: z.object({ id: ProviderId }).strict(),
    output: ProviderListSchema,
  },
  /** Saves a provider's own key, bound to the origin of its address now. */
  'provider.setKey': {
    input: ProviderKeyInputSchema.extend({ id: ProviderId }).strict(),
    output: ProviderListSchema,
  },
  /** Forgets a provider's own key. */
  'provider.clearKey': {
    input: z.object({ id: ProviderId }).strict(),
    output: ProviderListSchema,
  },
  /**
   * Asks the provider's server what it can do (`/v1/models`, a one-token `/v1/completions` and a
   * one-token streamed chat), with that provider's key only, and saves the answer.
   */
  'provider.check': {
    input: z.object({ id: ProviderId }).strict(),
    output: ProviderCapabilitiesSchema,
  },
  /**
   * The provider a conversation answers with (null: the provider in use). Chat, regenerate,
   * titles, summaries and the context preview then use its address, key and default model.
   */
  'conversation.setProvider': {
    input: z.object({ id: Id, providerId: ProviderId.nullable() }).strict(),
    output: ConversationSchema,
  },
} as const;

/** No events of their own: a change is announced as `settings.changed` (and `conversation.changed`). */
export const providersEvents = {} as const;
