import type { KeyValueStore, SecretCipher, StoredProxy } from '../ports';
import { parseProxyURL, type ParsedProxy } from './proxyConfig';
import { createProxyFetch, type FetchLike, type ProxiedFetch } from './proxyFetch';

/** What the renderer may know of the proxy: never the password itself. */
export interface ProxyView {
  /** The proxy URL without its password; '' = the system proxy. */
  url: string;
  bypass: string;
  hasPassword: boolean;
}

/**
 * The network every model call made by main goes through: the system's (Electron's `net.fetch`
 * in the app, handed in as `systemFetch`) unless the user set a proxy, then undici through that
 * proxy. `fetch` is stable and reads the setting at each call, so a change applies to the next
 * request. The proxy password is encrypted with the same cipher as the API keys.
 */
export class NetworkService {
  private proxied: { config: string; fetch: ProxiedFetch } | null = null;

  constructor(
    private readonly store: KeyValueStore,
    private readonly cipher: SecretCipher,
    private readonly systemFetch: FetchLike = globalThis.fetch,
  ) {}

  /** The fetch handed to every SDK client. */
  readonly fetch: FetchLike = async (input, init) => (await this.current())(input, init);

  /** The saved proxy as the settings show it. */
  view(): ProxyView {
    const saved = this.store.get('proxy');
    return {
      url: saved?.url ?? '',
      bypass: saved?.bypass ?? '',
      hasPassword: Boolean(saved?.encryptedPassword),
    };
  }

  /**
   * Saves the "Proxy" and "Bypass" fields. A password in the URL is split out and encrypted; a URL
   * shown without it (same user and host) keeps the saved one. Empty URL: back to the system proxy.
   * Throws invalid_input for an address that is not a proxy.
   */
  async set(input: { url: string; bypass?: string }): Promise<ProxyView> {
    const parsed = parseProxyURL(input.url);
    const bypass = (input.bypass ?? '').trim().slice(0, 2000);
    if (!parsed) {
      this.store.delete('proxy');
    } else {
      const saved = this.store.get('proxy');
      let encryptedPassword: string | undefined;
      if (parsed.password) encryptedPassword = await this.cipher.encrypt(parsed.password);
      else if (saved?.url === parsed.displayURL && parsed.username)
        encryptedPassword = saved.encryptedPassword;
      const next: StoredProxy = { url: parsed.displayURL, bypass };
      if (encryptedPassword) next.encryptedPassword = encryptedPassword;
      this.store.set('proxy', next);
    }
    await this.drop();
    return this.view();
  }

  /** The saved proxy with its password, or null for the system one. */
  async savedProxy(): Promise<{ proxy: ParsedProxy; bypass: string } | null> {
    const saved = this.store.get('proxy');
    if (!saved?.url) return null;
    const proxy = parseProxyURL(saved.url);
    if (!proxy) return null;
    if (saved.encryptedPassword) {
      try {
        proxy.password = (await this.cipher.decrypt(saved.encryptedPassword)).plain;
      } catch {
        // Another keychain's cipher text: send no password, the proxy's 407 then says so.
      }
    }
    return { proxy, bypass: saved.bypass ?? '' };
  }

  /** Closes the proxy's connections (at shutdown). */
  async close(): Promise<void> {
    await this.drop();
  }

  private async current(): Promise<FetchLike> {
    const saved = this.store.get('proxy');
    if (!saved?.url) return this.systemFetch;
    const config = JSON.stringify(saved);
    if (this.proxied?.config !== config) {
      await this.drop();
      const resolved = await this.savedProxy();
      if (!resolved) return this.systemFetch;
      this.proxied = { config, fetch: await createProxyFetch(resolved.proxy, resolved.bypass) };
    }
    return this.proxied.fetch.fetch;
  }

  private async drop(): Promise<void> {
    const old = this.proxied;
    this.proxied = null;
    await old?.fetch.close();
  }
}
