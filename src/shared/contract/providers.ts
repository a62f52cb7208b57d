import { z } from 'zod';
import { SettingsSchema } from '../schemas';
import { Empty } from './common';

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
  kind: z.enum(['ollama', 'lmstudio', 'llamacpp', 'vllm', 'jan']),
  name: z.string(),
  /** `localhost:11434` */
  address: z.string(),
  baseURL: z.string(),
  models: z.array(z.string()),
});

/** A saved endpoint as the settings list it (never its key). */
export const ProviderSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** `builtin`: "On this computer", the engine Penpal runs itself (see contract/localModel). */
  kind: z.enum(['openai', 'ollama', 'lmstudio', 'llamacpp', 'vllm', 'jan', 'custom', 'builtin']),
  baseURL: z.string(),
  defaultModel: z.string(),
  keyless: z.boolean(),
  inUse: z.boolean(),
});

/** Providers and the network: the proxy every model call goes through, and local servers. */
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
  /** The saved providers; `inUse` marks the one whose address chat uses now. */
  'provider.list': {
    input: Empty,
    output: z.object({ providers: z.array(ProviderSchema) }),
  },
  /** Makes a saved provider the endpoint chat uses (its address and default model). */
  'provider.use': {
    input: z.object({ id: z.string().min(1).max(100) }).strict(),
    output: SettingsSchema,
  },
} as const;

/** No events of its own yet. */
export const providersEvents = {} as const;
