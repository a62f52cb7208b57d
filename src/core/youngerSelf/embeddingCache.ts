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

/** The cache over the open library. */
export function createEmbeddingCache(ctx: StoreContext): EmbeddingCache {
  return {
    cached(model, entries) {
      const rows = ctx
        .sql(
          `SELECT entry_id, text_hash, vector FROM entry_embeddings
            WHERE model = ? AND entry_id IN (SELECT value FROM json_each(?))`,
        )
        .all(model, JSON.stringify(entries.map((entry) => entry.id))) as unknown as {
        entry_id: string;
        text_hash: string;
        vector: Uint8Array;
      }[];
      const hashes = new Map(entries.map((entry) => [entry.id, hashOf(entry.text)]));
      const found = new Map<string, Float32Array>();
      for (const row of rows) {
        if (hashes.get(row.entry_id) === row.text_hash) found.set(row.entry_id, fromBlob(row.vector));
      }
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
      } catch (error) {
        ctx.db.exec('ROLLBACK TO entry_embeddings; RELEASE entry_embeddings');
        throw error;
      }
    },
  };
}
