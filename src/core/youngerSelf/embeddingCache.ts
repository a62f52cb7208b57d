import type { StoreContext } from '../store/context';

/**
 * The embeddings cache (migration v8, `entry_embeddings`): one float32 vector per entry and model.
 * Editing an entry's text deletes its vectors in SQL (a trigger), so what is cached is always of
 * the current text; the newest vectors are also kept in memory until the trigger's epoch moves.
 */

/** Cached vectors, read and written for one model at a time. */
export interface EmbeddingCache {
  /**
   * The vectors of those entries that have one. May hold other entries' too (when all are in
   * memory it is the memory's own map, not a copy: a turn over 10,000 entries builds nothing).
   */
  vectors(model: string, entryIds: readonly string[]): ReadonlyMap<string, Float32Array>;
  /** Saves (or replaces) the vectors, `vectors[i]` for `entryIds[i]`. */
  save(model: string, entryIds: readonly string[], vectors: readonly Float32Array[]): void;
}

/** Vectors kept in memory as well (about 60 MB at 10,000 vectors of 1,536 floats). */
const MEMORY_VECTORS = 10_000;

function toBlob(vector: Float32Array): Uint8Array {
  return new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength);
}

function fromBlob(blob: Uint8Array): Float32Array {
  // Copied: the database's buffer is not guaranteed to be 4-byte aligned.
  return new Float32Array(Uint8Array.from(blob).buffer);
}

/** The cache over the open library. */
export function createEmbeddingCache(ctx: StoreContext): EmbeddingCache {
  // Reading every vector of a long period from SQLite at each turn costs more than the ranking
  // itself, so they are kept in memory too. The epoch (counted up by the trigger when an entry's
  // text changes) says when memory may be stale: then it starts again from the table.
  const memory = new Map<string, Map<string, Float32Array>>();
  let remembered = 0;
  let epoch = -1;
  const remember = (model: string, entryId: string, vector: Float32Array): void => {
    let byEntry = memory.get(model);
    if (!byEntry) memory.set(model, (byEntry = new Map()));
    if (!byEntry.has(entryId)) remembered++;
    byEntry.set(entryId, vector);
    if (remembered > MEMORY_VECTORS) {
      // Past the cap, start again from the database: simpler than an LRU, and rare.
      memory.clear();
      remembered = 0;
    }
  };
  const checkEpoch = (): void => {
    const now = Number(ctx.sql('SELECT n FROM entry_embeddings_epoch').get()?.n ?? 0);
    if (now !== epoch) {
      memory.clear();
      remembered = 0;
      epoch = now;
    }
  };
  return {
    vectors(model, entryIds) {
      const found = new Map<string, Float32Array>();
      if (entryIds.length === 0) return found;
      checkEpoch();
      const known = memory.get(model);
      const toRead = known ? entryIds.filter((id) => !known.has(id)) : [...entryIds];
      if (known && toRead.length === 0) return known;
      if (known) for (const id of entryIds) if (known.has(id)) found.set(id, known.get(id)!);
      if (toRead.length === 0) return found;
      const rows = ctx
        .sql(
          `SELECT entry_id, vector FROM entry_embeddings
            WHERE model = ? AND entry_id IN (SELECT value FROM json_each(?))`,
        )
        .all(model, JSON.stringify(toRead)) as unknown as { entry_id: string; vector: Uint8Array }[];
      for (const row of rows) {
        const vector = fromBlob(row.vector);
        found.set(row.entry_id, vector);
        remember(model, row.entry_id, vector);
      }
      return found;
    },
    save(model, entryIds, vectors) {
      const upsert = ctx.sql(
        `INSERT INTO entry_embeddings (entry_id, model, vector) VALUES (?, ?, ?)
           ON CONFLICT (entry_id, model) DO UPDATE SET vector = excluded.vector`,
      );
      ctx.db.exec('SAVEPOINT entry_embeddings');
      try {
        entryIds.forEach((id, i) => upsert.run(id, model, toBlob(vectors[i]!)));
        ctx.db.exec('RELEASE entry_embeddings');
      } catch (error) {
        ctx.db.exec('ROLLBACK TO entry_embeddings; RELEASE entry_embeddings');
        throw error;
      }
      checkEpoch();
      entryIds.forEach((id, i) => remember(model, id, vectors[i]!));
    },
  };
}
