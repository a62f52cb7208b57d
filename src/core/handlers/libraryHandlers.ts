import type { Handlers } from '../dispatcher';
import type { EventBus } from '../events';
import { backupToJson, parseImportFiles } from '../importers';
import type { ConversationStore } from '../store/types';

type LibraryMethods = 'search.query' | 'library.exportAll' | 'library.import';

/** Handlers for search, backup and import. */
export function libraryHandlers(
  store: ConversationStore,
  events: EventBus,
  now: () => Date,
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
    'library.import': async ({ files }) => {
      events.emit('import.progress', { phase: 'reading', done: 0, total: files.length });
      const decoded = files.map((file) => ({ name: file.name, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) }));
      const parsed = parseImportFiles(decoded, (done, total) =>
        events.emit('import.progress', { phase: 'parsing', done, total }),
      );
      const result = store.importConversations(parsed.conversations, (done, total) =>
        events.emit('import.progress', { phase: 'saving', done, total }),
      );
      events.emit('library.changed', {});
      return { source: parsed.source, skipped: parsed.skipped, ...result };
    },
  };
}
