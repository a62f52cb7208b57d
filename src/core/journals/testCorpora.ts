/**
 * The journal samples of `/work/shared/testdata/journals`, read in place (never copied into the
 * repository), and the truth the dated corpora carry: the derived Pepys Markdown's
 * `## YYYY-MM-DD` headings and the 鲁迅日记 JSON's `iso_date`. Used by the tests and the
 * journal benchmark.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TruthEntry } from './accuracy';
import type { JournalSourceFile } from './types';

/** The folder holding the journal samples, resolved from this file. */
export const JOURNALS_DIR = fileURLToPath(new URL('../../../../shared/testdata/journals/', import.meta.url));

/** One sample file, named by its file name (as a dropped file is). */
export function journalSample(relativePath: string): JournalSourceFile {
  const name = relativePath.slice(relativePath.lastIndexOf('/') + 1);
  return { path: name, bytes: new Uint8Array(readFileSync(join(JOURNALS_DIR, relativePath))) };
}

/** Every file under a sample folder, with paths relative to the folder's parent (as a dropped folder). */
export function journalFolder(relativePath: string): JournalSourceFile[] {
  const root = join(JOURNALS_DIR, relativePath);
  const parent = join(root, '..');
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : [path];
    });
  return walk(root).map((path) => ({
    path: relative(parent, path),
    bytes: new Uint8Array(readFileSync(path)),
  }));
}

/** The 68 true entries of Pepys, January–March 1660, from the derived Markdown's headings. */
export function pepysTruth(): TruthEntry[] {
  const markdown = readFileSync(join(JOURNALS_DIR, 'derived-pepys-1660-q1/pepys_1660_jan-mar.md'), 'utf8');
  return [...markdown.matchAll(/^## (\d{4}-\d{2}-\d{2})\n+([^\n]+)/gm)].map((match) => ({
    date: match[1] as string,
    text: match[2] as string,
  }));
}

/** An item of the 鲁迅日记 JSON. */
export interface LuxunItem {
  content: string;
  iso_date: string;
  date_raw: string;
}

/** All 7,461 items of the 鲁迅日记 JSON. */
export function luxunItems(): LuxunItem[] {
  const path = join(JOURNALS_DIR, 'luxun-diary-wikisource/luxun_common_diary.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { items: LuxunItem[] }).items;
}

/** The true entries of the 鲁迅日记 in the given years (the derived files hold 1912 and 1914). */
export function luxunTruth(years: number[]): TruthEntry[] {
  return luxunItems()
    .filter((item) => years.includes(Number(item.iso_date.slice(0, 4))))
    .map((item) => ({ date: item.iso_date, text: item.content }));
}

const STEMS = '甲乙丙丁戊己庚辛壬癸';
const BRANCHES = '子丑寅卯辰巳午未申酉戌亥';
const DIGITS = '〇一二三四五六七八九';

function chineseMonth(month: number): string {
  return month <= 10 ? (month === 10 ? '十' : DIGITS[month]!) : `十${DIGITS[month - 10]}`;
}

/**
 * The whole 鲁迅日记 JSON laid out as the printed book is (`壬子日记（一九一二年）`, `五月`,
 * then each entry's text, which begins with its day): 7,461 entries to read with the book-layout
 * state machine, checked against the JSON's `iso_date`.
 */
export function luxunBookLayout(): string {
  const lines: string[] = [];
  let year = 0;
  let month = 0;
  for (const item of luxunItems()) {
    const [itemYear, itemMonth] = item.iso_date.split('-').map(Number) as [number, number];
    if (itemYear !== year) {
      const ganzhi = `${STEMS[(itemYear - 4) % 10]}${BRANCHES[(itemYear - 4) % 12]}`;
      const digits = [...String(itemYear)].map((digit) => DIGITS[Number(digit)]).join('');
      lines.push(`${ganzhi}日记（${digits}年）`, '');
      year = itemYear;
      month = 0;
    }
    if (itemMonth !== month) {
      lines.push(`${chineseMonth(itemMonth)}月`, '');
      month = itemMonth;
    }
    lines.push(item.content, '');
  }
  return lines.join('\n');
}
