import { z } from 'zod';
import { KeyStatusSchema, SettingsSchema } from '../schemas';
import { Empty, Ok } from './common';

/** App facts, settings, the key and the model list. */
export const settingsMethods = {
  'app.info': {
    input: Empty,
    output: z.object({
      version: z.string(),
      host: z.enum(['electron', 'web', 'test']),
      platform: z.string(),
      dataDir: z.string(),
      systemLanguage: z.string(),
      /** Things the user must be told at start, e.g. a damaged database that was set aside. */
      notices: z.array(z.object({ kind: z.string(), message: z.string(), path: z.string() })),
    }),
  },
  'settings.get': {
    input: Empty,
    output: z.object({ settings: SettingsSchema, key: KeyStatusSchema }),
  },
  'settings.update': {
    input: SettingsSchema.partial().strict(),
    output: SettingsSchema,
  },
  'settings.setKey': {
    // The key is bound to the saved Base URL's origin; `allowPlainHttp` is the user's consent to
    // send it unencrypted there (only meaningful for a public http:// address).
    input: z
      .object({
        key: z.string().min(1).max(1000),
        persist: z.boolean(),
        allowPlainHttp: z.boolean().optional(),
      })
      .strict(),
    output: KeyStatusSchema,
  },
  /**
   * Asks the user natively (never the renderer) whether the saved key may go to `baseURL`'s
   * origin; once confirmed, the key is bound there and `baseURL` is saved as the Base URL. Where
   * the host cannot ask (the browser host) it fails with key_not_for_this_address.
   */
  'settings.reuseKey': {
    input: z.object({ baseURL: z.string().max(2000) }).strict(),
    output: z.object({ confirmed: z.boolean(), key: KeyStatusSchema }),
  },
  'settings.clearKey': { input: Empty, output: KeyStatusSchema },
  'settings.testConnection': {
    // Unsaved form values may be tested; a missing key means "the saved one", which goes only to
    // the origin it is bound to. `allowPlainHttp` applies to a typed key only.
    input: z
      .object({
        baseURL: z.string().max(2000).optional(),
        key: z.string().max(1000).optional(),
        model: z.string().max(200).optional(),
        allowPlainHttp: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ models: z.array(z.string()), modelFound: z.boolean() }),
  },
  'models.list': { input: Empty, output: z.object({ models: z.array(z.string()) }) },
  /** Opens an https: link in the system browser (the renderer asks the user first). */
  'app.openExternal': { input: z.object({ url: z.string().url().max(4000) }).strict(), output: Ok },
} as const;

/** Settings events. */
export const settingsEvents = {
  'settings.changed': z.object({}),
} as const;
