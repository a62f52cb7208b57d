import { app } from 'electron';
import electronUpdater from 'electron-updater';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { updateFeedFrom } from './updateConfig';

/**
 * Checks for updates only when a release feed is configured (`updateFeedFrom`): nothing is
 * contacted otherwise. electron-updater downloads in the background and installs at quit; the
 * installer's signature is the platform's code signing, which electron-updater checks.
 */
export function startAutoUpdate(): void {
  const file = join(process.resourcesPath, 'update.json');
  const feed = updateFeedFrom({
    isPackaged: app.isPackaged,
    env: process.env,
    fileText: existsSync(file) ? readFileSync(file, 'utf8') : null,
  });
  if (!feed) return;
  const { autoUpdater } = electronUpdater;
  autoUpdater.setFeedURL(feed);
  autoUpdater.autoDownload = true;
  autoUpdater.autoInstallOnAppQuit = true;
  void autoUpdater.checkForUpdatesAndNotify().catch((error: unknown) => {
    console.warn('Update check failed:', error);
  });
}
