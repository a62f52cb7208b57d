import type { DatabaseSync, StatementSync } from 'node:sqlite';
import { AppError } from '../../shared/errors';

/**
 * What every store module works with: the open database, the clock and a cache of prepared
 * statements (preparing is the costly part of a small query, so each SQL text is prepared once).
 */
export interface StoreContext {
  db: DatabaseSync;
  /** The current time as an ISO string. */
  now(): string;
  /** The prepared statement for this SQL text, prepared on first use. */
  sql(text: string): StatementSync;
  /** Called when SQLite reports the file damaged, so the next start checks it in full. */
  onCorrupt(): void;
}

/** Builds a context over an open database. */
export function createContext(
  db: DatabaseSync,
  clock: { now(): Date },
  onCorrupt: () => void = () => {},
): StoreContext {
  const cache = new Map<string, StatementSync>();
  defineTextFunctions(db);
  return {
    db,
    onCorrupt,
    now: () => clock.now().toISOString(),
    sql(text) {
      let statement = cache.get(text);
      if (!statement) {
        statement = db.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}

/**
 * SQL functions that count and cut text in UTF-16 code units, the unit of JavaScript strings and
 * of the wire (SQLite's `length` and `substr` count code points, which differ at every emoji).
 * Written here because SQLite has no UTF-16 counting of its own; they run only for non-ASCII text.
 */
function defineTextFunctions(db: DatabaseSync): void {
  db.function('utf16_length', { deterministic: true }, (value) =>
    typeof value === 'string' ? value.length : 0,
  );
  db.function('utf16_slice', { deterministic: true }, (value, start, length) =>
    typeof value === 'string' ? sliceKeepingPairs(value, Number(start), Number(length)) : '',
  );
}

/**
 * `text.slice(start, start + length)`, except that an end inside a surrogate pair moves past it,
 * so a slice never ends in half an emoji and the next one (from `start + result.length`) starts on
 * a whole character. `start` is taken as given.
 */
export function sliceKeepingPairs(text: string, start: number, length: number): string {
  let end = Math.min(text.length, start + length);
  const last = text.charCodeAt(end - 1);
  if (end > start && end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
  return text.slice(start, end);
}

// Primary result codes (the low byte of an extended code), from sqlite3.h.
const SQLITE_READONLY = 8;
const SQLITE_CORRUPT = 11;
const SQLITE_FULL = 13;
const SQLITE_NOTADB = 26;

/** The SQLite result code of a `node:sqlite` error, or null when it is not one. */
export function sqliteCode(error: unknown): number | null {
  if (error instanceof Error && 'errcode' in error && typeof error.errcode === 'number') {
    return error.errcode & 0xff;
  }
  return null;
}

/** Turns anything a database call threw into an `AppError` the renderer can explain. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  switch (sqliteCode(error)) {
    case SQLITE_FULL:
      return new AppError(
        'disk_full',
        `The disk is full: Penpal could not save this change. Free some space and try again. (${detail})`,
      );
    case SQLITE_READONLY:
      return new AppError(
        'read_only',
        `The library is read-only: Penpal could not save this change. (${detail})`,
      );
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return new AppError(
        'storage',
        `The library file is damaged; Penpal will check it and set it aside if needed when it next starts. (${detail})`,
      );
    default:
      return new AppError('storage', `The library could not be read or saved. (${detail})`);
  }
}

/** The `AppError` for a failed database call, flagging the file for a full check when it is damaged. */
export function failure(ctx: StoreContext, error: unknown): AppError {
  const code = sqliteCode(error);
  if (code === SQLITE_CORRUPT || code === SQLITE_NOTADB) ctx.onCorrupt();
  return toAppError(error);
}

/**
 * Runs `work` as one write transaction. BEGIN IMMEDIATE takes the write lock up front, so a busy
 * database fails (after busy_timeout) before anything is done rather than halfway through.
 */
export function writeTransaction<T>(ctx: StoreContext, work: () => T): T {
  try {
    ctx.db.exec('BEGIN IMMEDIATE');
  } catch (error) {
    throw failure(ctx, error);
  }
  try {
    const result = work();
    ctx.db.exec('COMMIT');
    return result;
  } catch (error) {
    // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); rolling back twice throws.
    if (ctx.db.isTransaction) {
      try {
        ctx.db.exec('ROLLBACK');
      } catch {
        // The original error is what the user needs to see.
      }
    }
    throw failure(ctx, error);
  }
}

/** Runs a read, turning database errors into `AppError`s. */
export function read<T>(ctx: StoreContext, work: () => T): T {
  try {
    return work();
  } catch (error) {
    throw failure(ctx, error);
  }
}

/** The `not_found` error for a missing conversation or message. */
export function notFound(what: 'conversation' | 'message', id: string): AppError {
  return new AppError('not_found', `No ${what} with id ${id}.`);
}
