import { setImmediate as nextTurn } from 'node:timers/promises';
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
    // Each phase ends with a turn of the event loop, so its progress events leave and other
    // requests are served before the next phase; saving itself yields between short batches.
    'library.import': async ({ files }) => {
      const progress = (phase: 'reading' | 'parsing' | 'saving', done: number, total: number): void =>
        events.emit('import.progress', { phase, done, total });
      progress('reading', 0, files.length);
      const decoded: { name: string; bytes: Uint8Array }[] = [];
      for (const file of files) {
        decoded.push({ name: file.name, bytes: new Uint8Array(Buffer.from(file.base64, 'base64')) });
        progress('reading', decoded.length, files.length);
        await nextTurn();
      }
      const parsed = parseImportFiles(decoded, (done, total) => progress('parsing', done, total));
      await nextTurn();
      progress('saving', 0, parsed.conversations.length);
      const result = await store.importConversationsAsync(parsed.conversations, (done, all) =>
        progress('saving', done, all),
      );
      events.emit('library.changed', {});
      return { source: parsed.source, skipped: parsed.skipped, ...result };
    },
  };
}
