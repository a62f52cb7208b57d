import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// The spellchecker must never fetch anything: Chromium downloads Hunspell dictionaries from
// Google's CDN by default, which tells a server which languages the user writes in. macOS always
// uses the OS's own checker; Windows uses its own and would fall back to a download for a language
// it lacks; Linux has only Hunspell. So the download address points at a folder inside the app
// (no dictionaries are shipped, so nothing is ever fetched), and on Linux, where nothing would be
// left to check with, the spellchecker is switched off rather than left half-working.

/** How the spellchecker is set up on this platform. */
export interface SpellcheckPolicy {
  enabled: boolean;
  /** A local `file:` folder URL (with its trailing slash) for `setSpellCheckerDictionaryDownloadURL`. */
  dictionaryDownloadUrl: string;
}

/** The spellchecker for `platform`, with its dictionary "download" folder inside `resourcesDir`. */
export function spellcheckPolicy(platform: NodeJS.Platform, resourcesDir: string): SpellcheckPolicy {
  const url = pathToFileURL(join(resourcesDir, 'spellcheck-dictionaries')).href;
  return { enabled: platform === 'darwin' || platform === 'win32', dictionaryDownloadUrl: `${url}/` };
}
