/**
 * Younger-self retrieval benchmark: one turn's retrieval (FTS5 bm25 over the period, date hints,
 * recency) in a 10,000-entry journal — the 7,461 days of the 鲁迅日记 and Pepys's 1660 entries
 * repeated on later days — for English and Chinese questions over the whole period (the widest,
 * slowest case). Budget: ≤ 20 ms per turn. Run alone with `npx tsx bench/retrievalBench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { luxunItems, pepysTruth } from '../src/core/journals/testCorpora';
import { createPeriodEntryIndex } from '../src/core/youngerSelf/entryIndex';
import { retrieveEntries } from '../src/core/youngerSelf/retrieval';
import { journalLibrary, type TestEntry } from '../src/core/youngerSelf/testing';
import { percentile } from './stats';
import { result, type BenchResult } from './types';

const ENTRIES = 10_000;
const BUDGET_MS = 20;
const ROUNDS = 40;
const QUESTIONS = [
  "What happened on New Year's Day?",
  'Tell me about Lambert, the Parliament and that summer',
  '五月五日那天你到了哪里？',
  '你在琉璃厂买了什么书？',
];

function tenThousandEntries(): TestEntry[] {
  const entries: TestEntry[] = luxunItems().map((item) => ({ date: item.iso_date, text: item.content }));
  const pepys = pepysTruth();
  const day = new Date(Date.UTC(1937, 0, 1));
  while (entries.length < ENTRIES) {
    entries.push({ date: day.toISOString().slice(0, 10), text: pepys[entries.length % pepys.length]!.text });
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return entries;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const { ctx, journalId, ids } = journalLibrary(tenThousandEntries());
  const index = createPeriodEntryIndex(ctx);
  const period = { from: '1900-01-01', to: '1999-12-31' };
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    for (const message of QUESTIONS) {
      const started = performance.now();
      retrieveEntries(index, { journalId, period, message, recentlyCited: ids.slice(round, round + 12) });
      // The first round warms the statement cache and SQLite's pages, as earlier turns would.
      if (round > 0) times.push(performance.now() - started);
      if (process.env.BENCH_DEBUG && round === ROUNDS - 1) console.log(message, performance.now() - started);
    }
  }
  ctx.db.close();
  return [
    result(`younger-self retrieval p95, ${ENTRIES} entries`, percentile(times, 95), 'ms', BUDGET_MS),
    result(`younger-self retrieval median, ${ENTRIES} entries`, percentile(times, 50), 'ms', BUDGET_MS),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  run().then(
    (results) => console.table(results),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
