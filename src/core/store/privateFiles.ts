import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// Diaries and conversations are private: only the user who runs Penpal may read its data folder.
// Modes are set explicitly with chmod instead of trusting the umask (a 022 umask gives 0755 and
// 0644, readable by every local user). Windows has no such modes (chmod only toggles read-only
// there), so every function here leaves Windows alone; its per-user profile folder does that job.

/** The data folder and the folders inside it: the owner only. */
export const PRIVATE_DIR_MODE = 0o700;
/** Every file Penpal writes into its data folder: the owner only. */
export const PRIVATE_FILE_MODE = 0o600;

const HAS_MODES = process.platform !== 'win32';

/** Creates the folder (and any missing parent) owner-only, and tightens it if it already existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (HAS_MODES) chmodSync(dir, PRIVATE_DIR_MODE);
}

/** Makes an existing file or folder owner-only; a missing one is left missing. */
export function makePrivate(path: string): void {
  if (!HAS_MODES || !existsSync(path)) return;
  chmodSync(path, statSync(path).isDirectory() ? PRIVATE_DIR_MODE : PRIVATE_FILE_MODE);
}

/**
 * Creates an empty file owner-only unless it exists. SQLite gives a database's `-wal` and `-shm`
 * files the mode of the database file itself, so a database file created this way keeps its
 * companions private too (an empty file is a valid, empty SQLite database).
 */
export function createPrivateFile(path: string): void {
  try {
    closeSync(openSync(path, 'wx', PRIVATE_FILE_MODE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  // The umask may have taken bits away from a new file; never more than 0600 either way.
  makePrivate(path);
}

/** A database file and its WAL and shared-memory companions, owner-only. */
export function makeDatabasePrivate(path: string): void {
  if (path === ':memory:') return;
  for (const suffix of ['', '-wal', '-shm']) makePrivate(path + suffix);
}

/**
 * Tightens a data folder an older Penpal (or a loose umask) left readable: the folder and its
 * `backups` folder become 0700, and Penpal's own files in them 0600 — the database and its
 * companions, set-aside copies, migration backups, the settings file and the host's key.
 * Files of others that share the folder (Chromium's, in the app's user-data folder) are not touched.
 */
export function tightenDataFolder(dir: string, ownFile: (name: string) => boolean): void {
  ensurePrivateDir(dir);
  if (!HAS_MODES) return;
  for (const name of readdirSync(dir)) if (ownFile(name)) makePrivate(join(dir, name));
  const backups = join(dir, 'backups');
  if (existsSync(backups) && statSync(backups).isDirectory()) {
    makePrivate(backups);
    for (const name of readdirSync(backups)) makePrivate(join(backups, name));
  }
}
