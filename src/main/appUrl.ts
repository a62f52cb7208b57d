import { pathToFileURL } from 'node:url';

/**
 * Builds the check for "this URL is our app's page": the built `index.html` on disk, or, in
 * development only, any page of the dev server's origin. Query and hash are ignored.
 */
export function createAppUrlCheck(options: {
  rendererFile: string;
  devServerUrl?: string;
}): (url: string) => boolean {
  const filePath = pathToFileURL(options.rendererFile).pathname;
  const devOrigin = options.devServerUrl ? new URL(options.devServerUrl).origin : null;
  return (url) => {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.protocol === 'file:') return parsed.pathname === filePath;
    return devOrigin !== null && parsed.origin === devOrigin;
  };
}
