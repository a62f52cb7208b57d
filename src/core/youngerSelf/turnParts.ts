import type { ContextPart } from '../../shared/contextSchemas';
import type { TokenCounter } from '../../shared/tokens';
import type { SourceParts } from '../context/builder';
import type { YoungerSelfLink, YoungerSelfStore } from './chatStore';
import type { SemanticHit } from './embeddings';
import { youngerSelfPrompt } from './prompt';
import { insidePeriod, retrieveEntries, type PeriodEntry } from './retrieval';

/**
 * What a younger-self conversation adds to a turn, for the one context builder: the system prompt
 * (computed from the journal at send time, so the inspector shows it as sent) and the diary
 * excerpts — every entry of the period when the user agreed and it fits, else the period summary
 * and the entries retrieved for the message. Excerpts are system messages placed after the system prompt.
 */

/** Entries sampled for the prompt's voice and topics. */
const PROMPT_SAMPLE = 300;
/** Most excerpts retrieved for one turn (the builder keeps those that fit). */
const RETRIEVED = 12;
/** A very long entry is cut here: one entry should not take the whole budget. */
const EXCERPT_CHARS = 6_000;
/** The share of the room (after the system prompt) excerpts may take; the rest is for history. */
const EXCERPT_SHARE = 0.6;

/** The system prompt and source parts of a turn. */
export interface YoungerSelfTurn {
  systemPrompt: string;
  sourceParts: SourceParts;
}

/** The text an excerpt is sent as: its date (and title), then the entry. */
export function excerptText(entry: PeriodEntry, language: 'en' | 'zh'): string {
  const title = entry.title ? ` — ${entry.title}` : '';
  const head = language === 'zh' ? `日记 ${entry.date}${title}：` : `Diary entry of ${entry.date}${title}:`;
  const body = entry.text.length > EXCERPT_CHARS ? `${entry.text.slice(0, EXCERPT_CHARS)}…` : entry.text;
  return `${head}\n${body}`;
}

function excerptPart(entry: PeriodEntry, language: 'en' | 'zh', counter: TokenCounter): ContextPart {
  const content = excerptText(entry, language);
  return {
    kind: 'excerpt',
    role: 'system',
    content,
    tokens: counter.countMessage(content),
    messageId: null,
    entry: { id: entry.id, date: entry.date!, title: entry.title },
  };
}

/** The framing of the period summary. */
export function summaryText(summary: string, language: 'en' | 'zh'): string {
  return language === 'zh'
    ? `这段时间的概要（按月）：\n${summary}`
    : `Summary of the period, month by month:\n${summary}`;
}

/** Builds the younger-self inputs of a turn answering (or previewing) `message`. */
export function youngerSelfTurn(
  store: YoungerSelfStore,
  link: YoungerSelfLink,
  message: string | null,
  counter: TokenCounter,
  semantic?: readonly SemanticHit[],
): YoungerSelfTurn {
  const { journalId, period, language } = link;
  const systemPrompt = youngerSelfPrompt({
    name: link.name,
    period,
    birthYear: link.birthYear,
    language,
    entries: store.sample(journalId, period, PROMPT_SAMPLE),
  });
  const summary: ContextPart[] = [];
  if (link.summary?.trim()) {
    const content = summaryText(link.summary.trim(), language);
    summary.push({
      kind: 'summary',
      role: 'system',
      content,
      tokens: counter.countMessage(content),
      messageId: null,
    });
  }
  const ranked = message
    ? retrieveEntries(store.index, {
        journalId,
        period,
        message,
        recentlyCited: store.recentlyCited(link.conversationId, RETRIEVED),
        limit: RETRIEVED,
        semantic,
      }).map((hit) => hit.entry)
    : [];
  const whole = link.agreedWhole ? store.wholePeriod(journalId, period) : [];
  // The boundary, once more, right before anything is put in a request.
  const sendable = (entries: PeriodEntry[]) =>
    entries
      .filter((entry) => insidePeriod(entry, period))
      .map((entry) => excerptPart(entry, language, counter));
  return {
    systemPrompt,
    sourceParts: {
      fixed: [],
      besideRanked: summary,
      ranked: sendable(ranked),
      whole: sendable(whole),
      share: EXCERPT_SHARE,
    },
  };
}

/** The entries a built request carries (what its answer's "Sources" lists), in the order sent. */
export function sourcesOf(parts: ContextPart[]): { entryId: string; date: string; title: string | null }[] {
  return parts.flatMap((part) =>
    part.kind === 'excerpt' && part.entry
      ? [{ entryId: part.entry.id, date: part.entry.date, title: part.entry.title }]
      : [],
  );
}
