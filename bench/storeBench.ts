/**
 * Store benchmark: a library of 10,000 conversations and 200,000 messages (English and Chinese),
 * measured where the user waits: opening to a usable sidebar, opening a conversation, and search as
 * you type. Run alone with `npx tsx bench/storeBench.ts`, or through `npm run bench -- store`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { openConversationStore } from '../src/core/store';
import { conversation, CONVERSATIONS, LIBRARY_SEED, libraryBatch } from './libraryData';
import { mulberry32 } from './random';
import { percentile } from './stats';
import { result, type BenchResult } from './types';

const LONG_CONVERSATION = 5_000;

function time(work: () => void): number {
  const start = performance.now();
  work();
  return performance.now() - start;
}

/** The queries a user types, one keystroke at a time. */
function asYouTypeQueries(): string[] {
  const queries: string[] = [];
  for (const word of [
    'photosynthesis',
    'remember',
    'breakfast',
    'umbrella',
    'friendship',
    'mountain',
    'keyboard',
    'library',
  ]) {
    for (let end = 1; end <= Math.min(word.length, 8); end++) queries.push(word.slice(0, end));
  }
  for (const phrase of ['chemistry hist', 'morning coffee', 'the garden']) {
    for (let end = phrase.indexOf(' ') + 2; end <= phrase.length; end++) queries.push(phrase.slice(0, end));
  }
  queries.push(
    '学',
    '学校',
    '猫',
    '一只猫',
    '朋',
    '朋友',
    '图',
    '图书',
    '图书馆',
    '小时候',
    '天气',
    '下雨',
    '日记',
    '生日礼物',
  );
  return queries;
}

/** Builds the library in a temporary folder and measures it. */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'penpal-bench-'));
  const path = join(dir, 'penpal.sqlite');
  try {
    const next = mulberry32(LIBRARY_SEED);
    const build = performance.now();
    const setup = openConversationStore({ path }).store;
    const { batch, messages } = libraryBatch(next);
    // Plus one long conversation, the newest, drawn from the same PRNG after the library.
    batch.push(conversation(next, CONVERSATIONS, LONG_CONVERSATION));
    const total = messages + LONG_CONVERSATION;
    setup.importConversations(batch);
    setup.close();
    console.log(
      `  built ${batch.length} conversations, ${total} messages in ${Math.round(performance.now() - build)} ms`,
    );

    let store = setup;
    const openTimes: number[] = [];
    for (let attempt = 0; attempt < 3; attempt++) {
      openTimes.push(
        time(() => {
          store = openConversationStore({ path }).store;
          store.listConversations('active');
        }),
      );
      if (attempt < 2) store.close();
    }
    const list = store.listConversations('active');
    const longId = list.find((item) => item.messageCount === LONG_CONVERSATION)?.id ?? '';

    const viewTimes = Array.from({ length: 50 }, () => {
      const id = list[Math.floor(next() * list.length)].id;
      return time(() => store.getView(id));
    });
    const longTimes = Array.from({ length: 5 }, () => time(() => store.getView(longId)));

    const queries = asYouTypeQueries();
    for (const query of queries.slice(0, 5)) store.search(query, { titlesOnly: false, limit: 50 });
    const searchTimes = queries.map((query) =>
      time(() => store.search(query, { titlesOnly: false, limit: 50 })),
    );
    store.close();

    return [
      result('store: open + sidebar list, 10k conversations', percentile(openTimes, 50), 'ms', 500),
      result('store: getView p95, random conversation', percentile(viewTimes, 95), 'ms', 200),
      result('store: getView, 5,000-message conversation', percentile(longTimes, 50), 'ms', 300),
      result(
        `store: search p95, ${queries.length} as-you-type queries, 200k messages`,
        percentile(searchTimes, 95),
        'ms',
        50,
      ),
    ];
  } finally {
    // KEEP_BENCH_DB=1 keeps the 220 MB library for poking at with sqlite3 (EXPLAIN QUERY PLAN, dbstat).
    if (process.env.KEEP_BENCH_DB) console.log(`  library kept at ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const entry of await run()) {
    console.log(
      `${entry.pass ? 'pass' : 'FAIL'}  ${entry.name}: ${entry.value} ${entry.unit} (budget ${entry.kind === 'max' ? '≤' : '≥'} ${entry.budget})`,
    );
  }
}
