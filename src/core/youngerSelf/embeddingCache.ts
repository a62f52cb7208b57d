import { createHash } from 'node:crypto';
import type { StoreContext } from '../store/context';
import type { PeriodEntry } from './retrieval';

/**
 * The embeddings cache (migration v8, `entry_embeddings`): one float32 vector per entry and model,
 * with a hash of the text it was made from, so an edited entry counts as not embedded.
 */

/** Cached vectors, read and written for one model at a time. */
export interface EmbeddingCache {
  /** The vectors of `entries` made from their current text, by entry id. */
  cached(model: string, entries: readonly PeriodEntry[]): Map<string, Float32Array>;
  /** Saves (or replaces) the vectors of `entries`, `vectors[i]` for `entries[i]`. */
  save(model: string, entries: readonly PeriodEntry[], vectors: readonly Float32Array[]): void;
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('base64url').slice(0, 22);

function toBlob(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

function fromBlob(blob: Uint8Array): Float32Array {
  // Copied: the database's buffer is not guaranteed to be 4-byte aligned.
  return new Float32Array(Uint8Array.from(blob).buffer);
}

/** Vectors kept in memory as well (about 60 MB at 10,000 vectors of 1,536 floats). */
const MEMORY_VECTORS = 10_000;

/** The cache over the open library. */
export function createEmbeddingCache(ctx: StoreContext): EmbeddingCache {
  // Reading every vector of a long period from SQLite at each turn costs more than the ranking
  // itself; the newest ones stay in memory (insertion order: the oldest go first).
  // Per model, per entry: the text the vector was made from (compared as is: no hashing on a hit).
  const memory = new Map<string, Map<string, { text: string; vector: Float32Array }>>();
  let remembered = 0;
  const remember = (model: string, entry: PeriodEntry, vector: Float32Array): void => {
    let byEntry = memory.get(model);
    if (!byEntry) memory.set(model, (byEntry = new Map()));
    if (!byEntry.has(entry.id)) remembered++;
    byEntry.set(entry.id, { text: entry.text, vector });
    if (remembered > MEMORY_VECTORS) {
      // Past the cap, start again from the database: simpler than an LRU, and rare.
      memory.clear();
      remembered = 0;
    }
  };
  const fromDisk = (model: string, entries: readonly PeriodEntry[]) => {
    const found = new Map<string, Float32Array>();
    if (entries.length === 0) return found;
    const byId = new Map(entries.map((entry) => [entry.id, entry]));
    const rows = ctx
      .sql(
        `SELECT entry_id, text_hash, vector FROM entry_embeddings
          WHERE model = ? AND entry_id IN (SELECT value FROM json_each(?))`,
      )
      .all(model, JSON.stringify([...byId.keys()])) as unknown as {
      entry_id: string;
      text_hash: string;
      vector: Uint8Array;
    }[];
    for (const row of rows) {
      const entry = byId.get(row.entry_id);
      if (!entry || hashOf(entry.text) !== row.text_hash) continue;
      const vector = fromBlob(row.vector);
      found.set(row.entry_id, vector);
      remember(model, entry, vector);
    }
    return found;
  };
  return {
    cached(model, entries) {
      const known = memory.get(model);
      const found = new Map<string, Float32Array>();
      const misses: PeriodEntry[] = [];
      for (const entry of entries) {
        const hit = known?.get(entry.id);
        if (hit && hit.text === entry.text) found.set(entry.id, hit.vector);
        else misses.push(entry);
      }
      for (const [id, vector] of fromDisk(model, misses)) found.set(id, vector);
      return found;
    },
    save(model, entries, vectors) {
      const upsert = ctx.sql(
        `INSERT INTO entry_embeddings (entry_id, model, text_hash, vector) VALUES (?, ?, ?, ?)
           ON CONFLICT (entry_id, model) DO UPDATE SET text_hash = excluded.text_hash, vector = excluded.vector`,
      );
      ctx.db.exec('SAVEPOINT entry_embeddings');
      try {
        entries.forEach((entry, i) => upsert.run(entry.id, model, hashOf(entry.text), toBlob(vectors[i]!)));
        ctx.db.exec('RELEASE entry_embeddings');
        entries.forEach((entry, i) => remember(model, entry, vectors[i]!));
      } catch (error) {
        ctx.db.exec('ROLLBACK TO entry_embeddings; RELEASE entry_embeddings');
        throw error;
      }
    },
  };
}
