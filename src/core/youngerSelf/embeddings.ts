import type OpenAI from 'openai';
import { mapServiceError } from '../chat/serviceErrors';
import type { YoungerSelfLink, YoungerSelfStore } from './chatStore';
import { insidePeriod, type PeriodEntry } from './retrieval';

/**
 * Optional embeddings for younger-self retrieval (off unless the conversation names a model): the
 * period's entries are embedded once through the endpoint's `/v1/embeddings` and cached in the
 * database (migration v8, `entry_embeddings`); each turn embeds the message and ranks the period's
 * entries by cosine similarity. Brute force over Float32Arrays: a period holds thousands of
 * entries at most, a few milliseconds, and no vector index to ship.
 */

/** An entry the message is close to in meaning. */
export interface SemanticHit {
  entry: PeriodEntry;
  /** Cosine similarity, -1…1. */
  similarity: number;
}

/** Inputs per `/v1/embeddings` request (OpenAI allows 2,048; local servers often fewer). */
const BATCH = 64;
/** An entry's text is cut here before embedding (embedding models take about 8,000 tokens). */
const EMBED_CHARS = 8_000;

/**
 * The vector length asked of models that can shorten theirs (OpenAI's text-embedding-3 family, by
 * the `dimensions` parameter); others give their own length. 512 instead of 1,536 makes ranking
 * 10,000 entries a third of the work (within the 20 ms retrieval budget on a 2-core laptop),
 * and OpenAI reports text-embedding-3-small at 512 dimensions still ahead of ada-002 at 1,536.
 */
export const SHORTENED_DIMENSIONS = 512;

/** The `dimensions` to ask `model` for, or undefined where the model has no such parameter. */
export function dimensionsFor(model: string): number | undefined {
  return /^text-embedding-3-(small|large)$/.test(model) ? SHORTENED_DIMENSIONS : undefined;
}

/** The vector scaled to length 1 (a zero vector stays zero), so similarity is a dot product. */
export function normalized(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (!norm) return vector;
  const out = new Float32Array(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}

function dot(a: Float32Array, b: Float32Array): number {
  const n = a.length;
  if (n !== b.length) return 0;
  // Four running sums: the additions do not wait on each other, which V8 runs faster than one.
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let i = 0;
  for (; i + 3 < n; i += 4) {
    s0 += a[i]! * b[i]!;
    s1 += a[i + 1]! * b[i + 1]!;
    s2 += a[i + 2]! * b[i + 2]!;
    s3 += a[i + 3]! * b[i + 3]!;
  }
  for (; i < n; i++) s0 += a[i]! * b[i]!;
  return s0 + s1 + s2 + s3;
}

/** Embeds `texts` with the endpoint, in batches, in order; throws a mapped AppError. */
export async function embedTexts(
  client: OpenAI,
  model: string,
  texts: readonly string[],
  signal?: AbortSignal,
): Promise<Float32Array[]> {
  const vectors: Float32Array[] = [];
  try {
    for (let start = 0; start < texts.length; start += BATCH) {
      const input = texts.slice(start, start + BATCH).map((text) => text.slice(0, EMBED_CHARS));
      // 'float' said explicitly: the SDK would ask for base64, which many local servers lack.
      const dimensions = dimensionsFor(model);
      const result = await client.embeddings.create(
        { model, input, encoding_format: 'float', ...(dimensions ? { dimensions } : {}) },
        { signal },
      );
      const ordered = [...result.data].sort((a, b) => a.index - b.index);
      // Stored and compared normalized: cosine similarity is then one dot product.
      vectors.push(...ordered.map((item) => normalized(Float32Array.from(item.embedding))));
    }
  } catch (err) {
    throw mapServiceError(err, { apiKey: client.apiKey, model });
  }
  return vectors;
}

/** Ids per `byIds` lookup (one SQL variable each). */
const LOOKUP = 500;

function entriesByIds(store: YoungerSelfStore, journalId: string, ids: readonly string[]): PeriodEntry[] {
  const found: PeriodEntry[] = [];
  for (let start = 0; start < ids.length; start += LOOKUP) {
    found.push(...store.index.byIds(journalId, ids.slice(start, start + LOOKUP)));
  }
  return found;
}

/**
 * The period's entries closest in meaning to `message`, best first (at most `limit`). Entries not
 * embedded yet (or edited since) are embedded first and cached; only sendable entries of the
 * period are ever read, so nothing excluded or outside it is sent to `/v1/embeddings`.
 */
export async function semanticHits(options: {
  store: YoungerSelfStore;
  client: OpenAI;
  link: YoungerSelfLink & { embeddingModel: string };
  message: string;
  limit: number;
  signal?: AbortSignal;
}): Promise<SemanticHit[]> {
  const { store, link, client } = options;
  const model = link.embeddingModel;
  const ids = store.periodIds(link.journalId, link.period);
  const vectors = store.embeddings.vectors(model, ids);
  const missing = entriesByIds(
    store,
    link.journalId,
    ids.filter((id) => !vectors.has(id)),
  ).filter((entry) => insidePeriod(entry, link.period));
  const fresh = await embedTexts(
    client,
    model,
    [...missing.map((e) => e.text), options.message],
    options.signal,
  );
  const query = fresh.pop()!;
  if (missing.length > 0)
    store.embeddings.save(
      model,
      missing.map((entry) => entry.id),
      fresh,
    );
  const lookup =
    missing.length > 0
      ? new Map([...vectors, ...missing.map((entry, i) => [entry.id, fresh[i]!] as const)])
      : vectors;
  const ranked = rankByMeaning(ids, lookup, query, options.limit);
  const byId = new Map(
    entriesByIds(
      store,
      link.journalId,
      ranked.map((hit) => hit.id),
    ).map((e) => [e.id, e]),
  );
  return ranked.flatMap((hit) => {
    const entry = byId.get(hit.id);
    return entry ? [{ entry, similarity: hit.similarity }] : [];
  });
}

/**
 * The ids whose vectors are nearest `query`, best first (an id without one is skipped). Vectors
 * are normalized (as `embedTexts` returns them), so the dot product is the cosine.
 */
export function rankByMeaning(
  ids: readonly string[],
  vectors: ReadonlyMap<string, Float32Array>,
  query: Float32Array,
  limit: number,
): { id: string; similarity: number }[] {
  // The best `limit` kept in order as the scores come (no object per entry, no sort of 10,000).
  const best: { id: string; similarity: number }[] = [];
  for (const id of ids) {
    const vector = vectors.get(id);
    if (!vector) continue;
    const similarity = dot(query, vector);
    if (best.length >= limit && similarity <= best[best.length - 1]!.similarity) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.similarity < similarity) at--;
    best.splice(at, 0, { id, similarity });
    if (best.length > limit) best.pop();
  }
  return best;
}
