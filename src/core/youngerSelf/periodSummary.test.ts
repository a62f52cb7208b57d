import { describe, expect, it } from 'vitest';
import { estimateCounter } from '../../shared/tokens';
import { useChatHarness } from '../chat/chatTestHarness';
import { createEventBus } from '../events';
import { pepysTruth } from '../journals/testCorpora';
import { COMBINE_INSTRUCTION, fitLines, MONTH_INSTRUCTION } from './periodSummary';
import { startYoungerSelfChat } from './startChat';
import { createPeriodSummaryMaker } from './summaryService';
import { LATER, NEW_YEAR, savePepys } from './testing';

// The period summary against the loopback server, which answers summary requests from what they
// carry (e2e/fixtures/openaiTestServerSummaries.ts) and records them.

const h = useChatHarness();

function maker() {
  const events = createEventBus();
  const progress: number[] = [];
  events.subscribe((event) => {
    if (event.name === 'youngerSelf.summaryProgress') progress.push(event.payload.done);
  });
  const maker = createPeriodSummaryMaker({
    store: h.store,
    events,
    getConfig: async () => h.config,
    credentialsFor: (baseURL) => h.vault.keyFor(baseURL),
  });
  return { make: maker.make, stop: maker.stop, progress };
}

const systemOf = (body: unknown) =>
  (body as { messages: { role: string; content: string }[] }).messages[0]?.content ?? '';
const userOf = (body: unknown) =>
  (body as { messages: { role: string; content: string }[] }).messages.at(-1)?.content ?? '';

describe('the period summary', () => {
  it('asks once per month, then combines, reads only the period and its sendable entries, and saves it', async () => {
    const journal = savePepys(h.store);
    const excluded = h.store.journals.entries(journal.id, { from: '1660-02-01', to: '1660-02-29' })
      .entries[0]!;
    h.store.journals.setExcluded(excluded.id, true);
    const conversation = startYoungerSelfChat(h.store, { journalId: journal.id, age: 27 });
    const { make, progress } = maker();

    const link = await make(conversation.id);

    const requests = h.chatRequests().map((r) => r.body);
    expect(requests.map(systemOf)).toEqual([
      MONTH_INSTRUCTION,
      MONTH_INSTRUCTION,
      MONTH_INSTRUCTION,
      COMBINE_INSTRUCTION,
    ]);
    const january = userOf(requests[0]);
    expect(january).toMatch(/^Diary entries of 1660-01:/);
    expect(january).toContain(NEW_YEAR);
    expect(january).not.toMatch(/^1660-02-/m);
    const sent = requests.map(userOf).join('\n');
    expect(sent).not.toContain(LATER);
    expect(sent).not.toContain(excluded.text.slice(0, 60));
    expect(progress.at(-1)).toBe(4);

    const months = pepysTruth().filter((entry) => entry.date?.startsWith('1660-01')).length;
    expect(link.summary).toMatch(/^Overview of 3 months, 1660-01 to 1660-03\.\n\n1660-01: /);
    expect(link.summary).toContain(`1660-01: ${months} entries in 1660-01; on 1660-01-01`);
    expect(link.summaryEdited).toBe(false);
    // What left the machine for it is recorded: the sendable entries of 1660, and where.
    expect(link.summaryMade).toMatchObject({
      entries: pepysTruth().length - 1,
      sentTo: new URL(h.server.baseURL).origin,
    });
    expect(h.store.youngerSelf.get(conversation.id)?.summary).toBe(link.summary);
  });

  it('is sent beside the retrieved entries when the period is not sent whole, and not when it is', async () => {
    const journal = savePepys(h.store);
    const asked = startYoungerSelfChat(h.store, { journalId: journal.id, age: 27 });
    await maker().make(asked.id);
    h.server.reset();
    await h.exchange(asked.id, "What happened on New Year's Day?");
    const messages = h.lastBody().messages;
    const summary = messages.findIndex((m) => m.content.startsWith('Summary of the period, month by month:'));
    const newYear = messages.findIndex((m) => m.content.startsWith('Diary entry of 1660-01-01'));
    expect(summary).toBeGreaterThan(0);
    expect(newYear).toBeGreaterThan(summary);
    expect(messages[summary]?.content).toContain('Overview of 3 months');

    // An edited summary is what is sent.
    h.store.youngerSelf.setSummary(asked.id, 'A hand-written summary of 1660.', true);
    await h.exchange(asked.id, 'And in March?');
    expect(h.lastBody().messages.map((m) => m.content)).toContain(
      'Summary of the period, month by month:\nA hand-written summary of 1660.',
    );

    const whole = startYoungerSelfChat(h.store, {
      journalId: journal.id,
      from: '1660-01-01',
      to: '1660-01-05',
      agreedWhole: true,
    });
    h.store.youngerSelf.setSummary(whole.id, 'Not needed: every entry is sent.', true);
    await h.exchange(whole.id, 'How are you?');
    const wholeText = h.lastBody().messages.map((m) => m.content);
    expect(wholeText.some((c) => c.startsWith('Diary entry of 1660-01-01'))).toBe(true);
    expect(wholeText.some((c) => c.includes('Not needed'))).toBe(false);
  });

  it('refuses a second run while one is being made, and fails with the service error, saving nothing', async () => {
    const journal = savePepys(h.store, pepysTruth().slice(0, 3));
    const conversation = startYoungerSelfChat(h.store, { journalId: journal.id, age: 27 });
    const { make } = maker();
    h.server.script([{ status: 500 }]);
    const first = make(conversation.id);
    await expect(make(conversation.id)).rejects.toMatchObject({ code: 'busy' });
    await expect(first).rejects.toMatchObject({ code: 'server_error' });
    expect(h.store.youngerSelf.get(conversation.id)?.summary).toBeNull();
  });

  it('stops part way when asked, saving nothing, and can be made afterwards', async () => {
    const journal = savePepys(h.store);
    const conversation = startYoungerSelfChat(h.store, { journalId: journal.id, age: 27 });
    const { make, stop } = maker();
    h.server.script([{ delayMs: 2_000 }]);
    const running = make(conversation.id);
    await new Promise((resolve) => setTimeout(resolve, 50));
    stop(conversation.id);
    await expect(running).rejects.toMatchObject({ code: 'aborted' });
    expect(h.store.youngerSelf.get(conversation.id)?.summary).toBeNull();
    expect((await make(conversation.id)).summary).toMatch(/^Overview of 3 months/);
  });

  it('cuts every line to the same share when the lines are over the budget', () => {
    const counter = estimateCounter();
    const lines = ['1660-01-01: ' + 'a'.repeat(4000), '1660-01-02: ' + 'b'.repeat(400)];
    const fitted = fitLines(lines, counter, 300).split('\n');
    expect(fitted).toHaveLength(2);
    expect(fitted[0]!.length).toBeLessThan(1200);
    expect(fitted[1]).toMatch(/^1660-01-02: b+…$/);
    expect(fitLines(['short'], counter, 300)).toBe('short');
  });
});
