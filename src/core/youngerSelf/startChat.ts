import { AppError } from '../../shared/errors';
import type { Conversation } from '../../shared/schemas';
import type { ConversationStore } from '../store/types';
import type { DayRange } from './dateHints';
import { journalLanguage } from './prompt';

/** What the "Talk with my younger self" form gives. */
export interface StartYoungerSelfInput {
  journalId: string;
  /** A date range (inclusive)… */
  from?: string;
  to?: string;
  /** …or an age: the year they turned it (from the journal's birth year). */
  age?: number;
  /** The writer's name; the journal's owner name by default. */
  name?: string;
  /** Send every entry of the period when it fits the budget. */
  agreedWhole?: boolean;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The period the form chose, checked: a real range, or an age the journal's birth year resolves. */
export function periodFor(input: StartYoungerSelfInput, birthYear: number | null): DayRange {
  if (input.age !== undefined) {
    if (birthYear === null) {
      throw new AppError('invalid_input', 'Set the year of birth of this journal first, or choose dates.');
    }
    const year = birthYear + input.age;
    return { from: `${year}-01-01`, to: `${year}-12-31` };
  }
  if (!input.from || !input.to || !DAY.test(input.from) || !DAY.test(input.to)) {
    throw new AppError('invalid_input', 'Choose the first and the last day of the period.');
  }
  if (input.from > input.to) throw new AppError('invalid_input', 'The period ends before it begins.');
  return { from: input.from, to: input.to };
}

/**
 * Creates a conversation with the younger self of a journal period. Refused when the journal is
 * gone or no entry of it falls in the period (there would be nobody to talk with).
 */
export function startYoungerSelfChat(store: ConversationStore, input: StartYoungerSelfInput): Conversation {
  const journal = store.journals.get(input.journalId);
  if (!journal) throw new AppError('not_found', 'This journal no longer exists.');
  const period = periodFor(input, journal.birthYear);
  const sample = store.youngerSelf.sample(journal.id, period, 50);
  if (sample.length === 0) {
    throw new AppError(
      'invalid_input',
      `No entry of this journal is dated from ${period.from} to ${period.to}.`,
    );
  }
  const name = input.name?.trim() || journal.ownerName.trim() || journal.name;
  const language = journalLanguage(sample);
  const title =
    language === 'zh' ? `${name}（${period.from} — ${period.to}）` : `${name}, ${period.from} – ${period.to}`;
  // Two short transactions: the worst a failure between them leaves is an empty conversation.
  const conversation = store.createConversation({ title });
  store.youngerSelf.link({
    conversationId: conversation.id,
    journalId: journal.id,
    period,
    name,
    birthYear: journal.birthYear,
    language,
    agreedWhole: input.agreedWhole ?? false,
  });
  return store.getConversation(conversation.id);
}
