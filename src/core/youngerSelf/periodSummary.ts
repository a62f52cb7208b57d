import type OpenAI from 'openai';
import type { TokenCounter } from '../../shared/tokens';
import { askForText } from '../context/summary';
import type { PeriodEntry } from './retrieval';

/**
 * The period summary of a younger-self conversation: made once by the model, month by month (one
 * short summary per month that has entries), then combined into an overview put above the months.
 * It is sent beside the retrieved entries when the whole period does not fit (see turnParts).
 */

/** The instruction for one month. The test server knows it by its first words. */
export const MONTH_INSTRUCTION =
  'You summarize one month of a diary for a later conversation with its writer. In two to four ' +
  'sentences, in the language the diary is written in, in the third person: what happened, who ' +
  'mattered, what the writer felt and cared about. Use only what the entries say. No preamble.';

/** The instruction that combines the months. The test server knows it by its first words. */
export const COMBINE_INSTRUCTION =
  'You combine the monthly summaries of a diary into a short overview of the whole period: three ' +
  'to six sentences, in the language of the summaries, in the third person, the threads that run ' +
  'through the months first. Use only what the summaries say. No preamble.';

/** The entries of one month, oldest first. */
export interface MonthOfEntries {
  /** `YYYY-MM`. */
  month: string;
  entries: PeriodEntry[];
}

/** Groups dated entries by month, oldest first (undated ones belong to no month). */
export function entriesByMonth(entries: readonly PeriodEntry[]): MonthOfEntries[] {
  const months = new Map<string, PeriodEntry[]>();
  for (const entry of entries) {
    if (!entry.date) continue;
    const month = entry.date.slice(0, 7);
    const list = months.get(month);
    if (list) list.push(entry);
    else months.set(month, [entry]);
  }
  return [...months.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([month, list]) => ({ month, entries: list }));
}

/**
 * Lines joined as one text of at most about `budget` tokens: when they are longer, each line is
 * cut to the same share of its length, so every day (or month) keeps its place in the picture.
 */
export function fitLines(lines: readonly string[], counter: TokenCounter, budget: number): string {
  const counts = lines.map((line) => counter.countText(line) + 1);
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total <= budget) return lines.join('\n');
  const share = budget / total;
  return lines
    .map((line) => {
      const keep = Math.max(40, Math.floor(line.length * share));
      return line.length > keep ? `${line.slice(0, keep)}…` : line;
    })
    .join('\n');
}

/** The user text for one month. */
export function monthText(month: MonthOfEntries, counter: TokenCounter, budget: number): string {
  const lines = month.entries.map((entry) => `${entry.date}: ${entry.text.replace(/\s+/g, ' ').trim()}`);
  return `Diary entries of ${month.month}:\n\n${fitLines(lines, counter, budget)}`;
}

/** What making a summary needs. */
export interface PeriodSummaryRequest {
  client: OpenAI;
  model: string;
  /** Every sendable entry of the period (not excluded, inside it), oldest first. */
  entries: readonly PeriodEntry[];
  counter: TokenCounter;
  /** Tokens one request's text may take (the model's window less the answer and instruction). */
  budget: number;
  signal?: AbortSignal;
  /** Called after each model call: `done` of `total` calls. */
  onProgress?(done: number, total: number): void;
}

/** Longest answer asked for one month, and for the overview. */
const MONTH_ANSWER_TOKENS = 300;
const OVERVIEW_ANSWER_TOKENS = 500;

/**
 * Makes the summary: one model call per month, one more to combine them when there are several.
 * Returns the overview, a blank line, then one `YYYY-MM: …` line per month. Throws the model's
 * error (an AppError); nothing is saved here.
 */
export async function makePeriodSummary(request: PeriodSummaryRequest): Promise<string> {
  const months = entriesByMonth(request.entries);
  const total = months.length + (months.length > 1 ? 1 : 0);
  const ask = (instruction: string, text: string, maxTokens: number) =>
    askForText({
      client: request.client,
      model: request.model,
      instruction,
      text,
      maxTokens,
      signal: request.signal,
    });
  const lines: string[] = [];
  // One month at a time: a local model serves one request at once, and the order is the story's.
  for (const month of months) {
    const text = await ask(
      MONTH_INSTRUCTION,
      monthText(month, request.counter, request.budget),
      MONTH_ANSWER_TOKENS,
    );
    lines.push(`${month.month}: ${text.replace(/\s*\n\s*/g, ' ')}`);
    request.onProgress?.(lines.length, total);
  }
  if (months.length <= 1) return lines.join('\n');
  const overview = await ask(
    COMBINE_INSTRUCTION,
    `Monthly summaries:\n\n${fitLines(lines, request.counter, request.budget)}`,
    OVERVIEW_ANSWER_TOKENS,
  );
  request.onProgress?.(total, total);
  return `${overview}\n\n${lines.join('\n')}`;
}
