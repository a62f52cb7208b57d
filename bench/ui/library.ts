/**
 * The UI bench's data folder: the store bench's 10,000-conversation library (bench/libraryData.ts,
 * same seed) plus one 5,000-message conversation of mixed markdown (paragraphs, code blocks, lists,
 * headings; English and Chinese) — 10,001 conversations, 200,000 messages. Built once and cached
 * under `.bench/` (git-ignored); a key is set so the app opens on the chat screen.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCore } from '../../src/core/app';
import { openConversationStore } from '../../src/core/store';
import type { ImportedConversation, ImportedMessage } from '../../src/core/store/types';
import { createWebPorts } from '../../src/web/webPorts';
import { LIBRARY_SEED, libraryBatch, sentence } from '../libraryData';
import { mulberry32 } from '../random';

export const LONG_MESSAGES = 5_000;
export const LONG_TITLE = 'Bench: 5,000 messages of markdown';
export const HUGE_TITLE = 'Bench: two messages of 2,000,000 characters';
/** The most characters core keeps of one message (the size the huge messages are). */
export const HUGE_CHARS = 2_000_000;
/** Bump when the generated data changes, so a stale cache is rebuilt. */
const VERSION = 'ui-library-v2';

const CODE_SAMPLES = [
  [
    'ts',
    'export function debounce<T extends unknown[]>(fn: (...args: T) => void, ms: number) {\n  let timer: ReturnType<typeof setTimeout> | undefined;\n  return (...args: T) => {\n    clearTimeout(timer);\n    timer = setTimeout(() => fn(...args), ms);\n  };\n}',
  ],
  [
    'python',
    'def fibonacci(n: int) -> list[int]:\n    """返回前 n 个斐波那契数。"""\n    a, b = 0, 1\n    out = []\n    for _ in range(n):\n        out.append(a)\n        a, b = b, a + b\n    return out\n\nprint(fibonacci(10))',
  ],
  [
    'sql',
    "SELECT c.id, c.title, count(m.id) AS messages\nFROM conversations c\nJOIN messages m ON m.conversation_id = c.id\nWHERE c.updated_at > '2024-01-01'\nGROUP BY c.id\nORDER BY messages DESC\nLIMIT 20;",
  ],
  ['bash', 'for file in *.md; do\n  wc -w "$file"\ndone | sort -n | tail -5'],
  [
    'rust',
    'fn main() {\n    let words = vec!["garden", "river", "mountain"];\n    for (i, w) in words.iter().enumerate() {\n        println!("{i}: {w}");\n    }\n}',
  ],
] as const;

/** One assistant answer of mixed markdown, deterministic for a given PRNG state. */
function markdownAnswer(next: () => number, n: number): string {
  const parts: string[] = [];
  const para = (): string =>
    Array.from({ length: 1 + Math.floor(next() * 3) }, () => sentence(next, next() < 0.4)).join(' ');
  if (next() < 0.3) parts.push(`${next() < 0.5 ? '##' : '###'} ${sentence(next, next() < 0.4).slice(0, 40)}`);
  parts.push(para());
  const kind = n % 5;
  if (kind === 1 || kind === 3) {
    const [lang, code] = CODE_SAMPLES[Math.floor(next() * CODE_SAMPLES.length)];
    parts.push(`\`\`\`${lang}\n${code}\n\`\`\``);
  }
  if (kind === 2 || kind === 3) {
    const ordered = next() < 0.5;
    const items = 2 + Math.floor(next() * 4);
    parts.push(
      Array.from(
        { length: items },
        (_, i) =>
          `${ordered ? `${i + 1}.` : '-'} **${sentence(next, next() < 0.4).slice(0, 30)}** — ${sentence(next, next() < 0.4)}`,
      ).join('\n'),
    );
  }
  if (kind === 4)
    parts.push(
      `> ${sentence(next, true)}\n\nUse \`Array.prototype.map\` or \`for…of\`; 另外也可以用 \`reduce\`。`,
    );
  if (next() < 0.5) parts.push(para());
  return parts.join('\n\n');
}

/** The 5,000-message conversation: user turns in plain text, assistant turns in markdown. */
function longConversation(next: () => number): ImportedConversation {
  // The newest conversation of the library, so it is the first row of the sidebar.
  const start = Date.UTC(2024, 0, 1);
  const messages: ImportedMessage[] = [];
  for (let n = 0; n < LONG_MESSAGES; n++) {
    const user = n % 2 === 0;
    messages.push({
      localId: String(n),
      parentLocalId: n === 0 ? null : String(n - 1),
      role: user ? 'user' : 'assistant',
      content: user ? sentence(next, next() < 0.4) : markdownAnswer(next, n),
      createdAt: new Date(start + n * 60_000).toISOString(),
      model: user ? null : 'gpt-4o-mini',
    });
  }
  return {
    sourceKey: 'bench:long-markdown',
    title: LONG_TITLE,
    createdAt: new Date(start).toISOString(),
    updatedAt: messages.at(-1)?.createdAt ?? new Date(start).toISOString(),
    systemPrompt: '',
    messages,
    currentLeafLocalId: null,
  };
}

/** Text of exactly `size` characters, built from `piece()` calls. */
function textOf(size: number, piece: () => string): string {
  const parts: string[] = [];
  let length = 0;
  while (length < size) {
    const part = piece();
    parts.push(part);
    length += part.length;
  }
  return parts.join('').slice(0, size);
}

/**
 * A conversation holding two messages at the size limit: a user paste of 2,000,000 characters in
 * one paragraph without a line break, and an answer of 2,000,000 characters of markdown (~50,000
 * lines). Second newest, so it is the second row of the sidebar.
 */
function hugeConversation(next: () => number): ImportedConversation {
  const start = Date.UTC(2024, 0, 1);
  let n = 0;
  const contents = [
    textOf(HUGE_CHARS, () => sentence(next, next() < 0.4) + ' '),
    textOf(HUGE_CHARS, () => markdownAnswer(next, n++) + '\n\n'),
    'Thanks. Can you summarise the first part?',
    'Here is a **short** summary of the first part.',
  ];
  const messages: ImportedMessage[] = contents.map((content, index) => ({
    localId: String(index),
    parentLocalId: index === 0 ? null : String(index - 1),
    role: index % 2 === 0 ? 'user' : 'assistant',
    content,
    createdAt: new Date(start + index * 60_000).toISOString(),
    model: index % 2 === 0 ? null : 'gpt-4o-mini',
  }));
  return {
    sourceKey: 'bench:huge-messages',
    title: HUGE_TITLE,
    createdAt: new Date(start).toISOString(),
    updatedAt: messages.at(-1)?.createdAt ?? new Date(start).toISOString(),
    systemPrompt: '',
    messages,
    currentLeafLocalId: null,
  };
}

/** The data folder with library and settings, built on first use and then reused. */
export async function ensureDataDir(root: string): Promise<string> {
  const dir = join(root, VERSION);
  const marker = join(dir, 'ready.json');
  if (existsSync(marker) && JSON.parse(readFileSync(marker, 'utf8')).version === VERSION) return dir;
  rmSync(dir, { recursive: true, force: true });

  const started = performance.now();
  const { batch, messages } = libraryBatch(mulberry32(LIBRARY_SEED));
  batch.push(hugeConversation(mulberry32(11)), longConversation(mulberry32(7)));
  const total = messages + LONG_MESSAGES + 4;

  // createCore creates the folder and the database schema; the library goes in through the store.
  const core = await createCore(uiPorts(dir));
  await core.close();
  const { store } = openConversationStore({ path: join(dir, 'penpal.sqlite') });
  store.importConversations(batch);
  store.close();

  const setup = await createCore(uiPorts(dir));
  const answer = await setup.dispatcher.handle('settings.setKey', {
    key: 'sk-bench-dummy-key-0000',
    persist: true,
  });
  await setup.close();
  if (!(answer as { ok: boolean }).ok) throw new Error(`settings.setKey failed: ${JSON.stringify(answer)}`);

  writeFileSync(marker, JSON.stringify({ version: VERSION, conversations: batch.length, messages: total }));
  console.log(
    `  built ${batch.length} conversations, ${total} messages in ${Math.round(performance.now() - started)} ms (${dir})`,
  );
  return dir;
}

/** The browser host's ports, with the language pinned so every run renders the same UI. */
export function uiPorts(dir: string): ReturnType<typeof createWebPorts> {
  return createWebPorts(dir, { systemLanguage: 'en-US' });
}
