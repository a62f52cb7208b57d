import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { AppError } from '../../shared/errors';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from './migrations';
import { createPrivateFile, ensurePrivateDir, makeDatabasePrivate, makePrivate } from './privateFiles';
import { toSearchText } from './searchText';
import { sqliteCode, toAppError } from './context';

/**
 * Something the user must be told after opening: a database set aside, a migration backup made,
 * or stored personas that could not be read.
 */
export interface StoreNotice {
  kind: 'set_aside' | 'migrated' | 'personas_damaged';
  /** A human sentence, in English; the renderer may show it as a detail. */
  message: string;
  /** The file concerned: where the old database now is, or the backup copy. */
  path: string;
}

/** How to open the database file. */
interface OpenDatabaseOptions {
  /** A file path, or `:memory:`. */
  path: string;
  clock: { now(): Date };
  /** Opens without writing anything (no migration, no WAL switch); every write fails as `read_only`. */
  readOnly?: boolean;
  /** The schema steps to apply; tests pass a shorter list to build an old database. */
  migrations?: readonly Migration[];
  /** Files up to this size get a full quick_check at every open (default 32 MB). */
  fullCheckMaxBytes?: number;
}

// A full quick_check reads the whole file (about 1.2 s at 220 MB), too slow for every start of a
// big library. It runs when there is a reason to doubt the file: it is small enough to check
// cheaply, a crash left a non-empty WAL behind, or an error in an earlier session flagged it as damaged.
// Otherwise only the schema and the conversations table (all the sidebar needs) are checked, and
// damage elsewhere surfaces as a storage error that flags the file for a full check next time.
const FULL_CHECK_MAX_BYTES = 32 * 1024 * 1024;

/** The flag file that asks for a full check at the next open. */
export function checkFlagPath(path: string): string {
  return `${path}.needs-check`;
}

/** Asks for a full integrity check the next time the library is opened (after a corruption error). */
export function flagForCheck(path: string): void {
  if (path === ':memory:') return;
  try {
    writeFileSync(checkFlagPath(path), 'SQLite reported corruption; check at next start.\n', { mode: 0o600 });
  } catch {
    // Best effort: the error itself still reaches the user.
  }
}

/**
 * Opens the database, ready to use: pragmas set, search function registered, migrations applied
 * (with a backup copy first). A file that is not a healthy SQLite database is set aside (renamed,
 * never deleted) and a fresh one is created in its place.
 */
export function openDatabase(options: OpenDatabaseOptions): { db: DatabaseSync; notices: StoreNotice[] } {
  const notices: StoreNotice[] = [];
  const migrations = options.migrations ?? MIGRATIONS;
  if (options.path === ':memory:') {
    const db = connect(':memory:', false);
    migrate(db, migrations, options, notices);
    return { db, notices };
  }
  let db: DatabaseSync | null = null;
  const flag = checkFlagPath(options.path);
  const fullCheck =
    fileSize(options.path) <= (options.fullCheckMaxBytes ?? FULL_CHECK_MAX_BYTES) ||
    fileSize(`${options.path}-wal`) > 0 ||
    existsSync(flag);
  try {
    db = connect(options.path, options.readOnly ?? false);
    check(db, fullCheck);
    if (!options.readOnly) rmSync(flag, { force: true });
    if (!options.readOnly) migrate(db, migrations, options, notices);
    else if (version(db) !== (migrations[migrations.length - 1]?.version ?? 0)) {
      throw new AppError('storage', 'This library needs an upgrade, which a read-only library cannot get.');
    }
    return { db, notices };
  } catch (error) {
    db?.close();
    // Only a damaged file is set aside. A locked, unreadable or full one, or our own refusals
    // (newer schema, failed backup, read-only), are reported and the file is left where it is.
    if (!isDamage(error) || options.readOnly) throw toAppError(error);
    const setAside = setAsideFile(options.path, options.clock.now());
    notices.push({
      kind: 'set_aside',
      path: setAside,
      message:
        `Penpal could not open its library (${describe(error)}), so it started a new, empty one. ` +
        `The old file was kept, not deleted: ${setAside}. To get its conversations back, open it with ` +
        `the sqlite3 command-line tool and run ".recover" (sqlite3 "${setAside}" .recover | sqlite3 recovered.sqlite).`,
    });
    rmSync(flag, { force: true });
    const fresh = connect(options.path, false);
    migrate(fresh, migrations, options, notices);
    return { db: fresh, notices };
  }
}

function connect(path: string, readOnly: boolean): DatabaseSync {
  // Created owner-only before SQLite sees it: SQLite would create it 0644, and gives the -wal and
  // -shm files the database file's mode.
  const writable = !readOnly && path !== ':memory:';
  if (writable) createPrivateFile(path);
  // timeout is busy_timeout: a second window or process holding the lock is waited for, not failed.
  const db = new DatabaseSync(path, { readOnly, timeout: 5000, enableForeignKeyConstraints: true });
  db.function('penpal_search_text', { deterministic: true }, (text) => toSearchText(String(text ?? '')));
  if (!readOnly) {
    // WAL: readers never block the writer; synchronous=NORMAL is durable across a process crash
    // (only an OS crash or power loss can lose the last commits, never corrupt the file).
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = NORMAL');
  }
  // Companions an older Penpal or a loose umask left readable by others are tightened at every open.
  if (writable) makeDatabasePrivate(path);
  db.exec('PRAGMA foreign_keys = ON');
  return db;
}

/** A failed integrity check: the file opened but its content is damaged. */
class IntegrityError extends Error {}

// SQLITE_CORRUPT (11) and SQLITE_NOTADB (26): the bytes are not a sound database.
function isDamage(error: unknown): boolean {
  const code = sqliteCode(error);
  return error instanceof IntegrityError || code === 11 || code === 26;
}

function fileSize(path: string): number {
  return existsSync(path) ? statSync(path).size : 0;
}

function check(db: DatabaseSync, full: boolean): void {
  // Reading the schema catches a damaged first page even when the table check below is skipped.
  db.prepare('SELECT count(*) FROM sqlite_schema').get();
  const hasConversations =
    db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'conversations'").get() !== undefined;
  if (!full && !hasConversations) return;
  const rows = db.prepare(full ? 'PRAGMA quick_check' : 'PRAGMA quick_check(conversations)').all();
  const first = rows[0] ? Object.values(rows[0])[0] : 'no answer';
  if (rows.length !== 1 || first !== 'ok') throw new IntegrityError(`quick_check: ${String(first)}`);
}

function version(db: DatabaseSync): number {
  const row = db.prepare('PRAGMA user_version').get();
  return Number(row?.user_version ?? 0);
}

function migrate(
  db: DatabaseSync,
  migrations: readonly Migration[],
  options: OpenDatabaseOptions,
  notices: StoreNotice[],
): void {
  const from = version(db);
  const target = migrations[migrations.length - 1]?.version ?? 0;
  if (from > Math.max(target, SCHEMA_VERSION)) {
    throw new AppError(
      'storage',
      `This library was written by a newer Penpal (schema ${from}); update Penpal to open it.`,
    );
  }
  const pending = migrations.filter((migration) => migration.version > from);
  if (pending.length === 0) return;
  const hasData = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%'").get();
  if (options.path !== ':memory:' && Number(hasData?.n ?? 0) > 0) {
    const backup = backupPath(options.path, options.clock.now(), from);
    try {
      ensurePrivateDir(dirname(backup));
      // VACUUM INTO accepts an empty file, so the copy is owner-only from its first byte.
      createPrivateFile(backup);
      db.prepare('VACUUM INTO ?').run(backup);
    } catch (error) {
      // No backup, no migration: the old file stays exactly as it was.
      rmEmpty(backup);
      throw backupFailed(backup, error);
    }
    notices.push({
      kind: 'migrated',
      path: backup,
      message: `Penpal upgraded its library from version ${from} to ${target}. A copy of the library as it was is kept at ${backup}.`,
    });
  }
  for (const migration of pending) {
    db.exec('BEGIN IMMEDIATE');
    try {
      db.exec(migration.sql);
      db.exec(`PRAGMA user_version = ${migration.version}`);
      db.exec('COMMIT');
    } catch (error) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw error;
    }
  }
}

// An empty copy left by a failed backup would look like a backup: remove it (never a real one).
function rmEmpty(path: string): void {
  try {
    if (existsSync(path) && statSync(path).isFile() && statSync(path).size === 0) rmSync(path);
  } catch {
    // Best effort: the error that matters is the backup's.
  }
}

function backupFailed(backup: string, error: unknown): AppError {
  return new AppError(
    'storage',
    `Penpal needs to upgrade its library but could not first save a copy of it at ${backup} ` +
      `(${describe(error)}), so it did not upgrade it: the library is unchanged. ` +
      `Free some disk space or fix the folder's permissions, then start Penpal again.`,
  );
}

/** `<dir>/backups/<name>-<timestamp>-v<from>.sqlite`: before a migration from version `from`. */
export function backupPath(path: string, now: Date, from: number): string {
  const name = basename(path, extname(path));
  return join(dirname(path), 'backups', `${name}-${stamp(now)}-v${from}.sqlite`);
}

// Renames the file and its WAL and shared-memory companions together: the WAL may hold the
// newest commits, and recovery needs them side by side under matching names.
function setAsideFile(path: string, now: Date): string {
  const extension = extname(path);
  let target = join(
    dirname(path),
    `${basename(path, extension)}.corrupt-${stamp(now)}${extension || '.sqlite'}`,
  );
  for (let n = 2; existsSync(target); n++) {
    target = join(
      dirname(path),
      `${basename(path, extension)}.corrupt-${stamp(now)}-${n}${extension || '.sqlite'}`,
    );
  }
  for (const suffix of ['-wal', '-shm', '']) {
    if (existsSync(path + suffix)) renameSync(path + suffix, target + suffix);
    makePrivate(target + suffix);
  }
  return target;
}

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-');
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
