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
import type { ImportedConversation, ImportedMessage } from '../src/core/store/types';
import { result, type BenchResult } from './types';

const CONVERSATIONS = 10_000;
const MESSAGES_PER_CONVERSATION = 19.5;
const LONG_CONVERSATION = 5_000;

const ENGLISH = (
  'the a of and to in is that it was for on with as his they at be this from have or by one had not but what all were ' +
  'when we there can an your which their said if do will each about how up out them then she many some so these would ' +
  'photosynthesis remember school weather garden mountain river letter morning evening breakfast journey library ' +
  'question answer computer keyboard sunlight chemistry history music painting friendship birthday holiday summer winter ' +
  'kitchen recipe bicycle station umbrella notebook teacher student window coffee travel dream memory ocean forest city'
).split(' ');
const CHINESE = (
  '今天 我们 学校 老师 朋友 天气 下雨 晴天 早饭 晚上 公园 散步 读书 写字 一只 猫 狗 花园 河边 山上 火车 ' +
  '回家 吃饭 喝茶 电脑 问题 回答 记得 小时候 妈妈 爸爸 生日 礼物 音乐 画画 旅行 海边 城市 图书馆 日记 梦想'
).split(' ');

/** A small deterministic PRNG (mulberry32), so every run builds the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sentence(next: () => number, chinese: boolean): string {
  const words = chinese ? CHINESE : ENGLISH;
  const length = 8 + Math.floor(next() * 40);
  const picked = Array.from({ length }, () => words[Math.floor(next() * words.length)]);
  return chinese ? `${picked.join('')}。` : `${picked.join(' ')}.`;
}

function conversation(next: () => number, index: number, count: number): ImportedConversation {
  const start = Date.UTC(2020, 0, 1) + index * 3_600_000;
  const messages: ImportedMessage[] = [];
  for (let n = 0; n < count; n++) {
    messages.push({
      localId: String(n),
      parentLocalId: n === 0 ? null : String(n - 1),
      role: n % 2 === 0 ? 'user' : 'assistant',
      content: sentence(next, next() < 0.4) + (n % 2 === 1 ? ` ${sentence(next, next() < 0.4)}` : ''),
      createdAt: new Date(start + n * 60_000).toISOString(),
      model: n % 2 === 1 ? 'gpt-4o-mini' : null,
    });
  }
  const iso = new Date(start).toISOString();
  return {
    sourceKey: `bench:${index}`,
    title: sentence(next, next() < 0.4).slice(0, 40),
    createdAt: iso,
    updatedAt: messages.at(-1)?.createdAt ?? iso,
    systemPrompt: '',
    messages,
    currentLeafLocalId: null,
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

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
    const next = random(42);
    const build = performance.now();
    const setup = openConversationStore({ path }).store;
    const batch: ImportedConversation[] = [];
    let total = 0;
    for (let index = 0; index < CONVERSATIONS; index++) {
      const count =
        index % 2 === 0 ? Math.floor(MESSAGES_PER_CONVERSATION) : Math.ceil(MESSAGES_PER_CONVERSATION);
      batch.push(conversation(next, index, count));
      total += count;
    }
    batch.push(conversation(next, CONVERSATIONS, LONG_CONVERSATION));
    total += LONG_CONVERSATION;
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

/** The library generator, shared with the UI bench (bench/uiBench.ts), which builds the same library. */
export { random, sentence, conversation, CONVERSATIONS, MESSAGES_PER_CONVERSATION };
