import type { StoreContext } from '../store/context';
import type { DayRange } from './dateHints';
import { createEmbeddingCache, type EmbeddingCache } from './embeddingCache';
import { createPeriodEntryIndex, entriesOfPeriod, idsOfPeriod, sampleOfPeriod } from './entryIndex';
import type { PeriodEntry, PeriodEntryIndex } from './retrieval';

/**
 * The younger-self side of a conversation in the library (migration v7): which journal period it
 * talks with, the period summary, and the entries each answer was sent with.
 */

/** A conversation tied to a journal period. */
export interface YoungerSelfLink {
  conversationId: string;
  journalId: string;
  period: DayRange;
  name: string;
  birthYear: number | null;
  language: 'en' | 'zh';
  /** The user agreed to send every entry of the period when it fits the budget. */
  agreedWhole: boolean;
  /** The period summary, month by month; null until made. */
  summary: string | null;
  summaryEdited: boolean;
  /** The `/v1/embeddings` model retrieval also ranks by; null: embeddings off (the default). */
  embeddingModel: string | null;
  /** The last time the model made the summary: when, how many entries it was sent, and where. */
  summaryMade: { at: string; entries: number; sentTo: string } | null;
  /** Entries of the period with a vector of `embeddingModel` (each was sent to be embedded). */
  embeddedEntries: number;
}

/** An entry an answer was sent with. */
export interface AnswerSource {
  entryId: string;
  date: string;
  title: string | null;
}

interface LinkRow {
  conversation_id: string;
  journal_id: string;
  period_from: string;
  period_to: string;
  name: string;
  birth_year: number | null;
  language: string;
  agreed_whole: number;
  summary_text: string | null;
  summary_edited: number;
  embedding_model: string | null;
  summary_made_at: string | null;
  summary_entries: number | null;
  summary_sent_to: string | null;
  embedded_entries: number;
}

/** The younger-self tables. */
export interface YoungerSelfStore {
  link(
    link: Omit<
      YoungerSelfLink,
      'summary' | 'summaryEdited' | 'embeddingModel' | 'summaryMade' | 'embeddedEntries'
    >,
  ): YoungerSelfLink;
  /** The conversation's link, or null for an ordinary conversation. */
  get(conversationId: string): YoungerSelfLink | null;
  setSummary(conversationId: string, text: string, edited: boolean): YoungerSelfLink;
  /** Saves a summary the model made from `entries` entries sent to `sentTo` (an origin). */
  saveMadeSummary(
    conversationId: string,
    text: string,
    made: { entries: number; sentTo: string },
  ): YoungerSelfLink;
  setAgreedWhole(conversationId: string, agreed: boolean): YoungerSelfLink;
  /** Turns embeddings on with `model`, or off with null. */
  setEmbeddingModel(conversationId: string, model: string | null): YoungerSelfLink;
  /** Cached entry vectors (v8). */
  embeddings: EmbeddingCache;
  /** Replaces what an answer was sent with (a retry rebuilds it). */
  recordSources(answerId: string, conversationId: string, sources: AnswerSource[]): void;
  sourcesFor(answerId: string): AnswerSource[];
  /** Entry ids sent in the conversation's latest answers, newest first, distinct. */
  recentlyCited(conversationId: string, limit: number): string[];
  /** Ranked search and date lookups inside a period (retrieval's index). */
  index: PeriodEntryIndex;
  /** Every sendable entry of the period, oldest first. */
  wholePeriod(journalId: string, period: DayRange): PeriodEntry[];
  /** The ids of every sendable entry of the period, oldest first. */
  periodIds(journalId: string, period: DayRange): string[];
  /** About `count` sendable entries spread evenly over the period, oldest first. */
  sample(journalId: string, period: DayRange, count: number): PeriodEntry[];
}

function toLink(row: LinkRow): YoungerSelfLink {
  return {
    conversationId: row.conversation_id,
    journalId: row.journal_id,
    period: { from: row.period_from, to: row.period_to },
    name: row.name,
    birthYear: row.birth_year,
    language: row.language === 'zh' ? 'zh' : 'en',
    agreedWhole: row.agreed_whole !== 0,
    summary: row.summary_text,
    summaryEdited: row.summary_edited !== 0,
    embeddingModel: row.embedding_model ?? null,
    summaryMade:
      row.summary_made_at && row.summary_sent_to
        ? { at: row.summary_made_at, entries: row.summary_entries ?? 0, sentTo: row.summary_sent_to }
        : null,
    embeddedEntries: row.embedded_entries,
  };
}

/** The store over the open library. */
export function createYoungerSelfStore(ctx: StoreContext): YoungerSelfStore {
  const get = (conversationId: string): YoungerSelfLink | null => {
    // The count of embedded entries of the period: one indexed lookup per entry of the period.
    const row = ctx
      .sql(
        `SELECT c.*, (SELECT count(*) FROM entries e JOIN entry_embeddings v
                        ON v.entry_id = e.id AND v.model = c.embedding_model
                       WHERE e.journal_id = c.journal_id AND e.date BETWEEN c.period_from AND c.period_to
                         AND e.excluded = 0) AS embedded_entries
           FROM younger_self_chats c WHERE c.conversation_id = ?`,
      )
      .get(conversationId);
    return row ? toLink(row as unknown as LinkRow) : null;
  };
  const mustGet = (conversationId: string): YoungerSelfLink => {
    const link = get(conversationId);
    if (!link) throw new Error(`No younger-self link for ${conversationId}`);
    return link;
  };
  return {
    index: createPeriodEntryIndex(ctx),
    embeddings: createEmbeddingCache(ctx),
    wholePeriod: (journalId, period) => entriesOfPeriod(ctx, journalId, period),
    periodIds: (journalId, period) => idsOfPeriod(ctx, journalId, period),
    sample: (journalId, period, count) => sampleOfPeriod(ctx, journalId, period, count),
    link(link) {
      ctx
        .sql(
          `INSERT INTO younger_self_chats
             (conversation_id, journal_id, period_from, period_to, name, birth_year, language, agreed_whole, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          link.conversationId,
          link.journalId,
          link.period.from,
          link.period.to,
          link.name,
          link.birthYear,
          link.language,
          link.agreedWhole ? 1 : 0,
          ctx.now(),
        );
      return mustGet(link.conversationId);
    },
    get,
    setSummary(conversationId, text, edited) {
      ctx
        .sql('UPDATE younger_self_chats SET summary_text = ?, summary_edited = ? WHERE conversation_id = ?')
        .run(text, edited ? 1 : 0, conversationId);
      return mustGet(conversationId);
    },
    saveMadeSummary(conversationId, text, made) {
      ctx
        .sql(
          `UPDATE younger_self_chats SET summary_text = ?, summary_edited = 0, summary_made_at = ?,
             summary_entries = ?, summary_sent_to = ? WHERE conversation_id = ?`,
        )
        .run(text, ctx.now(), made.entries, made.sentTo, conversationId);
      return mustGet(conversationId);
    },
    setAgreedWhole(conversationId, agreed) {
      ctx
        .sql('UPDATE younger_self_chats SET agreed_whole = ? WHERE conversation_id = ?')
        .run(agreed ? 1 : 0, conversationId);
      return mustGet(conversationId);
    },
    setEmbeddingModel(conversationId, model) {
      ctx
        .sql('UPDATE younger_self_chats SET embedding_model = ? WHERE conversation_id = ?')
        .run(model, conversationId);
      return mustGet(conversationId);
    },
    recordSources(answerId, conversationId, sources) {
      ctx.db.exec('SAVEPOINT younger_self_sources');
      try {
        ctx.sql('DELETE FROM younger_self_sources WHERE answer_id = ?').run(answerId);
        const insert = ctx.sql(
          `INSERT INTO younger_self_sources (answer_id, conversation_id, entry_id, date, title, position)
           VALUES (?, ?, ?, ?, ?, ?)`,
        );
        sources.forEach((source, position) =>
          insert.run(answerId, conversationId, source.entryId, source.date, source.title, position),
        );
        ctx.db.exec('RELEASE younger_self_sources');
      } catch (error) {
        ctx.db.exec('ROLLBACK TO younger_self_sources; RELEASE younger_self_sources');
        throw error;
      }
    },
    sourcesFor(answerId) {
      const rows = ctx
        .sql('SELECT entry_id, date, title FROM younger_self_sources WHERE answer_id = ? ORDER BY position')
        .all(answerId) as unknown as { entry_id: string; date: string; title: string | null }[];
      return rows.map((row) => ({ entryId: row.entry_id, date: row.date, title: row.title }));
    },
    recentlyCited(conversationId, limit) {
      const rows = ctx
        .sql(
          `SELECT entry_id, MAX(seq) AS latest FROM younger_self_sources WHERE conversation_id = ?
            GROUP BY entry_id ORDER BY latest DESC LIMIT ?`,
        )
        .all(conversationId, limit) as unknown as { entry_id: string }[];
      return rows.map((row) => row.entry_id);
    },
  };
}
