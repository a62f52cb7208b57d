/**
 * Journal import benchmark: how long parsing takes for the big real diaries (Pepys's 2 MB
 * Gutenberg text, the 7,461-entry 鲁迅日记 JSON) and a generated 4,000-note daily-notes folder
 * (ten years of Obsidian notes, ~5 MB), and the share of right dates on every corpus that
 * carries its truth. Each parse is the first in the process after the modules load, as a drop
 * in the app is. Run alone with `npx tsx bench/journalBench.ts`.
 */
import { pathToFileURL } from 'node:url';
import { dateAccuracy, type TruthEntry } from '../src/core/journals/accuracy';
import { parseJournalFiles } from '../src/core/journals/index';
import {
  journalFolder,
  journalSample,
  luxunBookLayout,
  luxunItems,
  luxunTruth,
  pepysTruth,
} from '../src/core/journals/testCorpora';
import type { JournalSourceFile } from '../src/core/journals/types';
import { importRows } from './journalImportBench';
import { result, type BenchResult } from './types';

const BIG_DIARY_BUDGET_MS = 3_000;
const FOLDER_BUDGET_MS = 10_000;
const ACCURACY_BUDGET = 99;
const NOTES = 4_000;

async function timed(files: JournalSourceFile[]): Promise<{ ms: number; entries: number }> {
  const started = performance.now();
  const parsed = await parseJournalFiles(files);
  return { ms: performance.now() - started, entries: parsed.entries.length };
}

/** Ten-odd years of daily notes, one a day from 2010, with Pepys's entries as their text. */
function dailyNotesFolder(texts: string[]): JournalSourceFile[] {
  const encoder = new TextEncoder();
  const day = new Date(Date.UTC(2010, 0, 1));
  return Array.from({ length: NOTES }, (_, index) => {
    const iso = day.toISOString().slice(0, 10);
    day.setUTCDate(day.getUTCDate() + 1);
    const body = `---\ndate: ${iso}\ntags: [diary]\n---\n\n# ${iso}\n\n${texts[index % texts.length]}\n`;
    return { path: `Vault/Daily Notes/${iso}.md`, bytes: encoder.encode(body) };
  });
}

async function accuracy(files: JournalSourceFile[], truth: TruthEntry[]): Promise<number> {
  const parsed = await parseJournalFiles(files);
  return dateAccuracy(parsed.entries, truth).share * 100;
}

/** Runs the benchmark. */
export async function run(): Promise<BenchResult[]> {
  const pepysFile = journalSample('pepys-gutenberg-3331/pg3331.txt');
  const luxunFile = journalSample('luxun-diary-wikisource/luxun_common_diary.json');
  const pepys = await timed([pepysFile]);
  const luxun = await timed([luxunFile]);
  const texts = (await parseJournalFiles([pepysFile])).entries.map((entry) => entry.text);
  const folder = dailyNotesFolder(texts);
  const megabytes = folder.reduce((sum, file) => sum + file.bytes.length, 0) / 1024 / 1024;
  const notes = await timed(folder);

  const luxunAll = luxunItems().map((item) => ({ date: item.iso_date, text: item.content }));
  const corpora: [string, JournalSourceFile[], TruthEntry[]][] = [
    ['Pepys full Gutenberg text (Jan–Mar 1660 truth)', [pepysFile], pepysTruth()],
    ['Pepys 1660 Markdown', [journalSample('derived-pepys-1660-q1/pepys_1660_jan-mar.md')], pepysTruth()],
    ['Pepys 1660 .docx', [journalSample('derived-pepys-1660-q1/pepys_1660_jan-mar.docx')], pepysTruth()],
    ['Pepys 1660 PDF', [journalSample('derived-pepys-1660-q1/pepys_1660_jan-mar.pdf')], pepysTruth()],
    ['Pepys 1660 Obsidian vault', journalFolder('derived-pepys-1660-q1/obsidian-vault'), pepysTruth()],
    [
      '鲁迅日记 1912+1914 book layout',
      [journalSample('derived-luxun-1912-1914/luxun_diary_1912-1914_book-layout.txt')],
      luxunTruth([1912, 1914]),
    ],
    [
      '鲁迅日记 1912+1914 Markdown',
      [journalSample('derived-luxun-1912-1914/luxun_diary_1912-1914.md')],
      luxunTruth([1912, 1914]),
    ],
    [
      '鲁迅日记 1912 .docx',
      [journalSample('derived-luxun-1912-1914/luxun_diary_1912.docx')],
      luxunTruth([1912]),
    ],
    ['鲁迅日记 JSON', [luxunFile], luxunAll],
    [
      '鲁迅日记 1912–1936 as one book-layout text',
      [{ path: 'luxun.txt', bytes: new TextEncoder().encode(luxunBookLayout()) }],
      luxunAll,
    ],
  ];
  const results = [
    result(
      `journal parse, Pepys diary (2 MB, ${pepys.entries} entries)`,
      pepys.ms,
      'ms',
      BIG_DIARY_BUDGET_MS,
    ),
    result(`journal parse, 鲁迅日记 JSON (${luxun.entries} entries)`, luxun.ms, 'ms', BIG_DIARY_BUDGET_MS),
    result(
      `journal parse, daily-notes folder (${NOTES} files, ${megabytes.toFixed(1)} MB)`,
      notes.ms,
      'ms',
      FOLDER_BUDGET_MS,
    ),
  ];
  results.push(...(await importRows(pepysFile, luxunFile, folder)));
  for (const [name, files, truth] of corpora) {
    results.push(
      result(
        `date accuracy, ${name} (${truth.length})`,
        await accuracy(files, truth),
        '%',
        ACCURACY_BUDGET,
        'min',
      ),
    );
  }
  return results;
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
