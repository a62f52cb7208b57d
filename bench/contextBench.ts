/**
 * Context benchmark: counting tokens, building the request of a 5,000-message conversation with
 * cached counts (and how much of the branch it reads), the composer's per-keystroke count, and
 * whether the renderer's start-up script carries tokenizer code. Run alone with
 * `npx tsx bench/contextBench.ts`, or through `npm run bench -- context`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DEFAULT_SETTINGS } from '../src/core/ports';
import { assembleContext } from '../src/core/context/assemble';
import { openConversationStore } from '../src/core/store';
import type { ConversationStore, ImportedConversation } from '../src/core/store/types';
import { loadTokenCounter } from '../src/shared/tokens';
import { mulberry32 } from './random';
import { percentile } from './stats';
import { result, type BenchResult } from './types';

const LONG = 5_000;

const WORDS = 'the garden morning coffee remember friendship mountain library umbrella breakfast'.split(' ');
const HANZI = '我们今天去学校图书馆看书朋友下雨天气日记小时候生日礼物';

/** A message of about `chars` characters, English with some Chinese. */
function text(next: () => number, chars: number): string {
  let out = '';
  while (out.length < chars) {
    // Diary Chinese comes in phrases between punctuation; English in words between spaces.
    out +=
      next() < 0.15
        ? `${HANZI.slice(Math.floor(next() * 10), Math.floor(next() * 10) + 8)}${next() < 0.5 ? '，' : '。'}`
        : `${WORDS[Math.floor(next() * WORDS.length)]}${next() < 0.1 ? '. ' : ' '}`;
  }
  return out.slice(0, chars);
}

function longConversation(next: () => number): ImportedConversation {
  return {
    sourceKey: 'bench:context',
    title: 'A long diary',
    createdAt: '2020-01-01T00:00:00.000Z',
    updatedAt: '2020-01-01T00:00:00.000Z',
    systemPrompt: '',
    messages: Array.from({ length: LONG }, (_, i) => ({
      localId: `m${i}`,
      parentLocalId: i === 0 ? null : `m${i - 1}`,
      role: i % 2 === 0 ? ('user' as const) : ('assistant' as const),
      content: text(next, 200 + Math.floor(next() * 1_200)),
      createdAt: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(),
      model: null,
    })),
    currentLeafLocalId: `m${LONG - 1}`,
  };
}

/** The store with the tail reads counted. */
function counting(store: ConversationStore): { store: ConversationStore; read: () => number } {
  let read = 0;
  return {
    store: {
      ...store,
      readBranchTail: (id, from, encoding) => ({
        *[Symbol.iterator]() {
          for (const message of store.readBranchTail(id, from, encoding)) {
            read++;
            yield message;
          }
        },
      }),
    },
    read: () => read,
  };
}

/** True when the renderer's entry script (out/web, from the web build) contains tokenizer code. */
function tokenizerInEntry(): boolean | null {
  const html = join(import.meta.dirname, '../out/web/index.html');
  if (!existsSync(html)) return null;
  const scripts = [...readFileSync(html, 'utf8').matchAll(/<script[^>]+src="\.?\/?([^"]+)"/g)].map(
    (m) => m[1],
  );
  return scripts.some((src) => {
    const file = join(import.meta.dirname, '../out/web', src);
    if (!existsSync(file)) return false;
    const code = readFileSync(file, 'utf8');
    // gpt-tokenizer's own error text, or a static import of its chunk: either means the tokenizer
    // is loaded with the page instead of on first use.
    return /Disallowed special token/.test(code) || /from\s*["']\.\/GptEncoding/.test(code);
  });
}

/** Builds the conversation in a temporary folder and measures. */
export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'penpal-context-bench-'));
  try {
    const next = mulberry32(20_260_312);
    const counter = await loadTokenCounter('gpt-4o');
    const samples = Array.from({ length: 200 }, () => text(next, 2_048));
    for (const sample of samples.slice(0, 20)) counter.countText(sample);
    // The mean over the batch: what counting a branch of such messages costs per message
    // (single samples on a shared machine are dominated by the scheduler).
    const countStart = performance.now();
    for (const sample of samples) counter.countText(sample);
    const countMean = (performance.now() - countStart) / samples.length;

    const base = openConversationStore({ path: join(dir, 'penpal.sqlite') }).store;
    base.importConversations([longConversation(next)]);
    const conversation = base.listConversations('active')[0];
    const { store, read } = counting(base);
    const spec = {
      conversation,
      settings: { ...DEFAULT_SETTINGS, model: 'gpt-4o' },
      fromMessageId: null,
      answering: false,
      draft: 'what did we talk about?',
      answerId: null,
    };
    // The first build counts and caches; the measured ones use the cache, as every later turn does.
    const first = await assembleContext({ store }, spec);
    const buildTimes: number[] = [];
    let readBeyond = 0;
    let tailOnly = Infinity;
    for (let i = 0; i < 30; i++) {
      const tailStart = performance.now();
      let n = 0;
      for (const _message of base.readBranchTail(conversation.id, null, 'o200k_base')) if (++n > 560) break;
      tailOnly = Math.min(tailOnly, performance.now() - tailStart);
      const before = read();
      const start = performance.now();
      const built = await assembleContext({ store }, spec);
      buildTimes.push(performance.now() - start);
      const sent = built.preview.parts.filter((p) => p.kind === 'history').length;
      readBeyond = Math.max(readBeyond, read() - before - sent);
      if (built.newCounts.length > 0) throw new Error('counts were not cached');
    }
    console.log(
      `  5,000 messages: ${first.preview.parts.length} parts sent, ${first.preview.totalTokens} tokens; build p95 ${percentile(buildTimes, 95).toFixed(1)} ms, best ${Math.min(...buildTimes).toFixed(1)} ms (reading the tail alone: best ${tailOnly.toFixed(1)} ms)`,
    );

    // The composer: each keystroke counts the draft (a 2 KB one here) and adds the preview's total.
    const draft = text(next, 2_048);
    const keyTimes = Array.from({ length: 200 }, (_, i) => {
      const start = performance.now();
      void (first.preview.totalTokens + counter.countMessage(draft.slice(0, 1_000 + i * 5)));
      return performance.now() - start;
    });
    base.close();

    const results = [
      result('context: count a 2 KB message (mean of 200, English and Chinese)', countMean, 'ms', 1),
      result(
        'context: build a 5,000-message conversation, cached counts, median',
        percentile(buildTimes, 50),
        'ms',
        10,
      ),
      result('context: messages read beyond those sent', readBeyond, 'messages', 1),
      result('context: running count per keystroke (2 KB draft), p95', percentile(keyTimes, 95), 'ms', 16),
    ];
    const inEntry = tokenizerInEntry();
    if (inEntry === null) console.log('  out/web not built: the start-up script check was skipped');
    else results.push(result('context: tokenizer code in the start-up script', inEntry ? 1 : 0, 'files', 0));
    return results;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const entry of await run()) {
    console.log(
      `${entry.pass ? 'pass' : 'FAIL'}  ${entry.name}: ${entry.value} ${entry.unit} (budget ${entry.kind === 'max' ? '≤' : '≥'} ${entry.budget})`,
    );
  }
}
