/**
 * A deterministic, realistic long model answer for the streaming bench: headings, paragraphs with
 * inline code, links and math, loose and tight lists, code blocks, tables, quotes and Chinese.
 * Seeded (bench/random.ts), so every run streams the same text.
 */
import { mulberry32 } from '../random';

const WORDS = (
  'the a of to and in that is for it with as on be this by are from or can state render update ' +
  'stream block cache parse token commit frame memo list table answer model reader message value ' +
  'function request response buffer latency budget layout paint index query store event window'
).split(' ');
const CHINESE = [
  '今天我们讨论流式渲染的性能问题。',
  '每个已完成的块只渲染一次，只有最后一块会随着数据到达而更新。',
  '这样即使回答很长，每次更新的开销也保持不变。',
  '鲁迅在日记里写道：晴，上午往北京大学讲。',
];
const CODE: Record<string, string[]> = {
  ts: [
    'export function total(items: Item[]): number {',
    '  let sum = 0;',
    '  for (const item of items) sum += item.price * item.count;',
    '  return Math.round(sum * 100) / 100;',
    '}',
    '',
    'const cache = new Map<string, Promise<Result>>();',
    'async function load(id: string): Promise<Result> {',
    '  if (!cache.has(id)) cache.set(id, fetchResult(id));',
    '  return cache.get(id)!;',
    '}',
  ],
  python: [
    'def moving_average(values, window=3):',
    '    """Return the moving average of a list."""',
    '    result = []',
    '    for i in range(len(values) - window + 1):',
    '        chunk = values[i:i + window]',
    '        result.append(sum(chunk) / window)',
    '',
    '    return result',
    '',
    'print(moving_average([1, 2, 3, 4, 5]))',
  ],
  bash: ['set -euo pipefail', 'for file in *.md; do', '  wc -c "$file"', 'done | sort -n | tail -5'],
};

function sentence(next: () => number): string {
  const length = 8 + Math.floor(next() * 12);
  const words = Array.from({ length }, () => WORDS[Math.floor(next() * WORDS.length)]);
  const pick = Math.floor(next() * 8);
  if (pick === 0) words[2] = `**${words[2]}**`;
  if (pick === 1) words[3] = `\`${words[3]}()\``;
  if (pick === 2) words[4] = `[${words[4]}](https://example.com/docs/${words[4]})`;
  if (pick === 3) words[5] = `$O(n \\log n)$`;
  const text = words.join(' ');
  return text[0].toUpperCase() + text.slice(1) + '.';
}

function paragraph(next: () => number): string {
  return Array.from({ length: 3 + Math.floor(next() * 3) }, () => sentence(next)).join(' ');
}

function section(index: number, next: () => number): string {
  const parts = [
    `## ${index + 1}. ${sentence(next)
      .slice(0, 40)
      .replace(/[*`$[\]().]/g, '')}`,
    paragraph(next),
  ];
  parts.push(
    Array.from(
      { length: 3 + Math.floor(next() * 4) },
      () => `- **${WORDS[Math.floor(next() * WORDS.length)]}**: ${sentence(next)}`,
    ).join('\n'),
  );
  const language = Object.keys(CODE)[index % 3];
  parts.push('```' + language + '\n' + CODE[language].join('\n') + '\n```');
  parts.push(paragraph(next));
  if (index % 3 === 0) {
    const rows = Array.from(
      { length: 5 },
      (_, row) =>
        `| ${row + 1} | ${WORDS[row + (index % 20)]} | ${(next() * 100).toFixed(1)} ms | ${next() > 0.5 ? 'yes' : 'no'} |`,
    );
    parts.push(['| # | step | time | cached |', '|---|---|---|---|', ...rows].join('\n'));
  }
  if (index % 4 === 1)
    parts.push(
      [
        '1. ' + sentence(next),
        '2. ' + sentence(next) + '\n\n   ' + sentence(next),
        '3. ' + sentence(next),
      ].join('\n\n'),
    );
  if (index % 5 === 2) parts.push('> ' + sentence(next) + '\n> ' + sentence(next));
  if (index % 6 === 3) parts.push(CHINESE.join(''));
  return parts.join('\n\n');
}

/** About `size` characters of markdown, ending at a section boundary, generated from `seed`. */
export function generateAnswer(size: number, seed = 1): string {
  const next = mulberry32(seed);
  const sections: string[] = [];
  let length = 0;
  for (let index = 0; length < size; index++) {
    const text = section(index, next);
    sections.push(text);
    length += text.length + 2;
  }
  return sections.join('\n\n') + '\n';
}

/** Cuts text into stream chunks of 8–40 characters (about 2–10 tokens, like coalesced deltas). */
export function chunk(text: string, seed = 7): string[] {
  const next = mulberry32(seed);
  const chunks: string[] = [];
  for (let start = 0; start < text.length;) {
    const end = Math.min(text.length, start + 8 + Math.floor(next() * 33));
    chunks.push(text.slice(start, end));
    start = end;
  }
  return chunks;
}
