import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import { backupToJson } from '../importers';
import type { ImportParser } from '../importers/parser';
import type { ConversationStore } from '../store/types';

type LibraryMethods = 'search.query' | 'library.exportAll' | 'library.import';

/** Handlers for search, backup and import. */
export function libraryHandlers(
  store: ConversationStore,
  events: EventBus,
  now: () => Date,
  parseImport: ImportParser,
): Pick<Handlers, LibraryMethods> {
  return {
    'search.query': async ({ query, titlesOnly, from, to, limit }) =>
      query.trim() === '' ? [] : store.search(query, { titlesOnly, from, to, limit }),
    'library.exportAll': async () => {
      const stamp = now().toISOString().slice(0, 10);
      return {
        filename: `penpal-backup-${stamp}.json`,
        mimeType: 'application/json',
        content: backupToJson(store.exportAll()),
      };
    },
    // Reading and parsing happen on the import worker (see `ImportParser`); saving yields between
    // short batches, so the window's other requests are answered all along.
    'library.import': async ({ files }) => {
      const progress = (phase: 'reading' | 'parsing' | 'saving', done: number, total: number): void =>
        events.emit('import.progress', { phase, done, total });
      const parsed = await parseImport(files, progress);
      progress('saving', 0, parsed.conversations.length);
      const result = await store.importConversationsAsync(parsed.conversations, (done, all) =>
        progress('saving', done, all),
      );
      events.emit('library.changed', {});
      return { source: parsed.source, skipped: parsed.skipped, truncated: parsed.truncated, ...result };
    },
  };
}
