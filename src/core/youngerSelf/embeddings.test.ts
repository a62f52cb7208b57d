import { describe, expect, it } from 'vitest';
import { useChatHarness } from '../chat/chatTestHarness';
import { pepysTruth } from '../journals/testCorpora';
import { createEmbeddingCache } from './embeddingCache';
import { dimensionsFor, SHORTENED_DIMENSIONS } from './embeddings';
import { retrieveEntries } from './retrieval';
import { startYoungerSelfChat } from './startChat';
import { journalLibrary, LATER, savePepys } from './testing';

// Embeddings against the loopback server's /v1/embeddings (deterministic bag-of-words vectors).

const h = useChatHarness();
const MODEL = 'text-embedding-3-small';

const embeddingInputs = () =>
  h.server.requests
    .filter((r) => r.path === '/v1/embeddings')
    .map((r) => r.body as { input: string[]; model: string; encoding_format: string; dimensions?: number });

function pepysChat() {
  const journal = savePepys(h.store);
  const conversation = startYoungerSelfChat(h.store, { journalId: journal.id, age: 27 });
  return { journal, conversation };
}

describe('embeddings for younger-self retrieval', () => {
  it('ask only models that can shorten their vectors for fewer dimensions', () => {
    expect(dimensionsFor('text-embedding-3-small')).toBe(SHORTENED_DIMENSIONS);
    expect(dimensionsFor('text-embedding-3-large')).toBe(SHORTENED_DIMENSIONS);
    expect(dimensionsFor('text-embedding-ada-002')).toBeUndefined();
    expect(dimensionsFor('nomic-embed-text')).toBeUndefined();
  });

  it('are off by default: nothing goes to /v1/embeddings', async () => {
    const { conversation } = pepysChat();
    await h.exchange(conversation.id, 'What did you do at church?');
    expect(embeddingInputs()).toEqual([]);
    expect(h.store.youngerSelf.get(conversation.id)?.embeddingModel).toBeNull();
  });

  it('embed the sendable entries of the period once, cache them, and then only each message', async () => {
    const { journal, conversation } = pepysChat();
    const excluded = h.store.journals.entries(journal.id, { from: '1660-02-01', to: '1660-02-29' })
      .entries[0]!;
    h.store.journals.setExcluded(excluded.id, true);
    h.store.youngerSelf.setEmbeddingModel(conversation.id, MODEL);

    await h.exchange(conversation.id, 'What did you do at church?');
    const bodies = embeddingInputs();
    // In batches of 64: the 67 sendable entries of 1660 and the message.
    expect(bodies.map((body) => body.input.length)).toEqual([64, 4]);
    expect(bodies.every((body) => body.model === MODEL && body.encoding_format === 'float')).toBe(true);
    // text-embedding-3 is asked for shorter vectors (a third of the ranking work).
    expect(bodies.every((body) => body.dimensions === SHORTENED_DIMENSIONS)).toBe(true);
    const sent = bodies.flatMap((body) => body.input);
    expect(sent).toHaveLength(pepysTruth().length - 1 + 1);
    expect(sent.at(-1)).toBe('What did you do at church?');
    expect(sent).not.toContain(LATER);
    expect(sent).not.toContain(excluded.text);

    expect(h.store.youngerSelf.get(conversation.id)?.embeddedEntries).toBe(pepysTruth().length - 1);

    h.server.reset();
    await h.exchange(conversation.id, 'And at the office?');
    expect(embeddingInputs().map((body) => body.input)).toEqual([['And at the office?']]);

    // An edited entry is embedded again, the others come from the cache.
    const edited = h.store.journals.entries(journal.id, { from: '1660-03-01', to: '1660-03-31' }).entries[0]!;
    h.store.journals.updateEntry(edited.id, { text: 'Rewritten: a quiet day of music.' });
    h.server.reset();
    await h.exchange(conversation.id, 'Did you play music?');
    expect(embeddingInputs().map((body) => body.input)).toEqual([
      ['Rewritten: a quiet day of music.', 'Did you play music?'],
    ]);
  });

  it('bring in an entry by meaning that the words alone leave out, inside the period only', () => {
    const { journal, conversation } = pepysChat();
    const link = h.store.youngerSelf.get(conversation.id)!;
    const entries = h.store.youngerSelf.wholePeriod(journal.id, link.period);
    const chosen = entries[10]!;
    const query = { journalId: journal.id, period: link.period, message: 'zzqx', limit: 12 };
    expect(retrieveEntries(h.store.youngerSelf.index, query)).toEqual([]);
    const hits = retrieveEntries(h.store.youngerSelf.index, {
      ...query,
      semantic: [
        { entry: chosen, similarity: 0.9 },
        { entry: { ...entries[0]!, id: 'outside', date: '1661-01-01' }, similarity: 0.95 },
        { entry: entries[11]!, similarity: 0.2 },
      ],
    });
    expect(hits.map((hit) => [hit.entry.id, hit.reasons])).toEqual([[chosen.id, ['meaning']]]);
  });

  it('failing, leave the answer to words and dates, and say so', async () => {
    const { conversation } = pepysChat();
    h.store.youngerSelf.setEmbeddingModel(conversation.id, MODEL);
    h.server.script([{ status: 500 }]);
    const { assistantMessageId } = await h.exchange(conversation.id, "What happened on New Year's Day?");
    expect(h.store.getMessage(assistantMessageId).status).toBe('done');
    expect(h.store.youngerSelf.sourcesFor(assistantMessageId)[0]?.date).toBe('1660-01-01');
    const recorded = JSON.stringify(h.store.getAnswerContext(assistantMessageId));
    expect(recorded).toContain('embeddings_failed');
  });
});

describe('the embeddings cache', () => {
  it('keeps vectors in the database across restarts, and drops one when its entry is edited', () => {
    const { ctx, ids } = journalLibrary([
      { date: '1660-01-01', text: 'Church in the morning.' },
      { date: '1660-01-02', text: 'The office all day.' },
    ]);
    const vectors = [Float32Array.from([0.5, -0.25, 1]), Float32Array.from([0, 1, 0.125])];
    const cache = createEmbeddingCache(ctx);
    cache.save(MODEL, ids, vectors);
    // A fresh cache (the app started again) reads them from the database.
    const again = createEmbeddingCache(ctx).vectors(MODEL, ids);
    expect([...again.get(ids[0]!)!]).toEqual([0.5, -0.25, 1]);
    expect([...again.get(ids[1]!)!]).toEqual([0, 1, 0.125]);
    expect(createEmbeddingCache(ctx).vectors('another-model', ids).size).toBe(0);
    // Editing the text deletes its vectors (a trigger): neither the table nor memory serve it.
    ctx.db.prepare('UPDATE entries SET text = ? WHERE id = ?').run('Church, then dinner.', ids[0]!);
    expect([...cache.vectors(MODEL, ids).keys()]).toEqual([ids[1]]);
    expect([...createEmbeddingCache(ctx).vectors(MODEL, ids).keys()]).toEqual([ids[1]]);
  });
});
