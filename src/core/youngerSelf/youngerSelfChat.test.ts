import { describe, expect, it } from 'vitest';
import { useChatHarness } from '../chat/chatTestHarness';
import { pepysTruth } from '../journals/testCorpora';
import { startYoungerSelfChat } from './startChat';
import { LATER, NEW_YEAR, savePepys } from './testing';

// A younger-self turn end to end: the real store (v6 journal, v7 link), the one context builder,
// the real SDK and the loopback server, which records exactly what left the machine.

const h = useChatHarness();

const sentText = () =>
  h
    .lastBody()
    .messages.map((message) => message.content)
    .join('\n');

describe('a younger-self conversation', () => {
  it("sends the 1 January 1660 entry for a New Year's Day question, lists it as a source, and nothing after 1660", async () => {
    const journal = savePepys(h.store);
    const conversation = startYoungerSelfChat(h.store, { journalId: journal.id, age: 27 });
    const { assistantMessageId } = await h.exchange(conversation.id, "What happened on New Year's Day?");
    const messages = h.lastBody().messages;
    expect(messages[0]?.role).toBe('system');
    expect(messages[0]?.content).toContain('today is 1660-12-31');
    expect(messages.find((m) => m.content.startsWith('Diary entry of 1660-01-01'))?.content).toContain(
      NEW_YEAR,
    );
    expect(sentText()).not.toContain(LATER);
    expect(messages.at(-1)).toEqual({ role: 'user', content: "What happened on New Year's Day?" });
    const sources = h.store.youngerSelf.sourcesFor(assistantMessageId);
    expect(sources[0]?.date).toBe('1660-01-01');
    expect(sources.every((source) => source.date.startsWith('1660-'))).toBe(true);
    // The inspector's record is the same request, with the excerpts whole.
    const recorded = h.store.getAnswerContext(assistantMessageId);
    expect(JSON.stringify(recorded)).toContain(NEW_YEAR);
  });

  it('sends every entry of the period when the user agreed and it fits, and only retrieved ones otherwise', async () => {
    const journal = savePepys(h.store, pepysTruth().slice(0, 8));
    const whole = startYoungerSelfChat(h.store, {
      journalId: journal.id,
      from: '1660-01-01',
      to: '1660-01-31',
      agreedWhole: true,
    });
    await h.exchange(whole.id, 'How are you?');
    const dates = (text: string) =>
      [...text.matchAll(/^Diary entry of (\d{4}-\d{2}-\d{2})/gm)].map((m) => m[1]);
    expect(dates(sentText())).toEqual(
      pepysTruth()
        .slice(0, 8)
        .map((entry) => entry.date),
    );

    const asked = startYoungerSelfChat(h.store, {
      journalId: journal.id,
      from: '1660-01-01',
      to: '1660-01-31',
    });
    await h.exchange(asked.id, 'Tell me about the turkey pie');
    const sent = dates(sentText());
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.length).toBeLessThan(8);
    expect(sentText()).toMatch(/turkey.pie/i);
  });

  it('refuses a period with no entry and an age without a birth year', () => {
    const journal = savePepys(h.store);
    expect(() =>
      startYoungerSelfChat(h.store, { journalId: journal.id, from: '1700-01-01', to: '1700-12-31' }),
    ).toThrow(/No entry of this journal is dated from 1700-01-01/);
    h.store.journals.update(journal.id, { birthYear: null });
    expect(() => startYoungerSelfChat(h.store, { journalId: journal.id, age: 14 })).toThrow(/year of birth/);
  });
});
