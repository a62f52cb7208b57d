/**
 * Younger-self retrieval with embeddings on: the part of a turn that runs on this machine once the
 * message's vector is back from `/v1/embeddings` — the period's entry ids read, their cached
 * vectors found (memory, checked against SQLite) and ranked by cosine similarity — over a 10,000-entry period with
 * 512-dimension vectors (what Penpal asks text-embedding-3 models for, `SHORTENED_DIMENSIONS`). The network call is the endpoint's and
 * is not measured. Budget: the retrieval budget, ≤ 20 ms per turn.
 */
import { createEmbeddingCache } from '../src/core/youngerSelf/embeddingCache';
import { normalized, rankByMeaning, SHORTENED_DIMENSIONS } from '../src/core/youngerSelf/embeddings';
import { idsOfPeriod } from '../src/core/youngerSelf/entryIndex';
import { journalLibrary } from '../src/core/youngerSelf/testing';
import { mulberry32 } from './random';
import { percentile } from './stats';
import { result, type BenchResult } from './types';

const ENTRIES = 10_000;
const DIMENSIONS = SHORTENED_DIMENSIONS;
const BUDGET_MS = 20;
const ROUNDS = 30;

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const random = mulberry32(9);
  const day = new Date(Date.UTC(1900, 0, 1));
  const drafts = Array.from({ length: ENTRIES }, (_, i) => {
    const date = day.toISOString().slice(0, 10);
    day.setUTCDate(day.getUTCDate() + 1);
    return { date, text: `Entry ${i}: a day of ordinary things, letters and walks.` };
  });
  const { ctx, journalId } = journalLibrary(drafts);
  const period = { from: '1900-01-01', to: '1999-12-31' };
  const vector = () => normalized(Float32Array.from({ length: DIMENSIONS }, () => random() * 2 - 1));
  const ids = idsOfPeriod(ctx, journalId, period);
  createEmbeddingCache(ctx).save('bench-model', ids, ids.map(vector));
  const times = (cache: ReturnType<typeof createEmbeddingCache>) => {
    const measured: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const query = vector();
      const started = performance.now();
      const sendable = idsOfPeriod(ctx, journalId, period);
      rankByMeaning(sendable, cache.vectors('bench-model', sendable), query, 24);
      if (round > 0) measured.push(performance.now() - started);
    }
    return measured;
  };
  // A fresh cache reads SQLite once, then keeps the vectors in memory, as turns after the first do.
  const warm = times(createEmbeddingCache(ctx));
  const cold = performance.now();
  const first = createEmbeddingCache(ctx);
  rankByMeaning(ids, first.vectors('bench-model', ids), vector(), 24);
  const coldMs = performance.now() - cold;
  ctx.db.close();
  return [
    result(
      `retrieval by meaning p95, ${ENTRIES} entries × ${DIMENSIONS} dims`,
      percentile(warm, 95),
      'ms',
      BUDGET_MS,
    ),
    result(`retrieval by meaning median, ${ENTRIES} entries`, percentile(warm, 50), 'ms', BUDGET_MS),
    result(`retrieval by meaning, first turn (vectors from SQLite)`, coldMs, 'ms', 500),
  ];
}
