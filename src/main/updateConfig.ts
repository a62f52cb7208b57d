// Whether and where Penpal looks for updates. Off unless a release feed is configured: the
// `PENPAL_UPDATE_URL` environment variable or `update.json` beside the app (`{"url": "…"}`, for
// an organisation's own builds). Only https feeds count; the downloaded installer's signature is
// checked by the platform's code signing (electron-updater verifies it on Windows and macOS).

/** A generic-provider feed for electron-updater, or null when updates are off. */
export interface UpdateFeed {
  provider: 'generic';
  url: string;
}

/** The feed from the environment or the file's JSON text (already read), else null. */
export function updateFeedFrom(options: {
  isPackaged: boolean;
  env: NodeJS.ProcessEnv;
  fileText?: string | null;
}): UpdateFeed | null {
  // A development run never updates itself.
  if (!options.isPackaged) return null;
  const fromEnv = options.env.PENPAL_UPDATE_URL?.trim();
  const url = fromEnv || urlFromFile(options.fileText);
  if (!url) return null;
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'https:' || parsed.username || parsed.password) return null;
    return { provider: 'generic', url: parsed.href };
  } catch {
    return null;
  }
}

function urlFromFile(text: string | null | undefined): string | undefined {
  if (!text) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value === 'object' && value !== null && 'url' in value && typeof value.url === 'string')
      return value.url.trim();
  } catch {
    // A damaged file means no feed, never a crash at start.
  }
  return undefined;
}
